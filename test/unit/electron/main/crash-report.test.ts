/**
 * When the page cannot be shown: the built main process (dist/electron/main.cjs) on the stand-in
 * for Electron, with the events Electron 45 emits. A page that stops once comes back; one that
 * cannot start (`launch-failed`, Windows' sandbox error 18) or stops again within 30 s is said
 * once, in a dialog with no parent (the window may never have been shown), and the app closes.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { settle, startMain, until } from '../../../helpers/fake-electron';
import { tempFolder } from '../../../helpers/temp-folder';

const ROOT = path.resolve(__dirname, '../../../..');
const MAIN = path.join(ROOT, 'dist/electron/main.cjs');

describe(
  'a page that cannot be shown, on the stand-in for Electron',
  { skip: existsSync(MAIN) ? false : 'dist/electron/main.cjs is missing: run node scripts/build.mjs' },
  () => {
    const temp = tempFolder('main-crashes');
    let log: string;
    const saved = { ...process.env };
    before(async () => {
      process.env.TCP_PORT_TUNER_DATA_DIR = path.join(temp.path, 'data');
      process.env.WINEPREFIX = path.join(temp.path, 'no-prefix');
      log = path.join(temp.path, 'data', 'tcp-port-tuner.log');
    });
    after(async () => {
      process.env = saved;
    });

    const gone = (reason: string, exitCode: number) => ({ reason, exitCode });
    /** Lines reach the log one after another, through the file system: wait for the one wanted. */
    const logHas = async (line: RegExp) => {
      await until(() => existsSync(log) && line.test(readFileSync(log, 'utf8')));
      assert.match(readFileSync(log, 'utf8'), line);
    };

    it('a page that stopped once: a dialog on the window naming the log, a line in it, and the page back', async () => {
      const { recorded, app } = await startMain(MAIN);
      const window = recorded.windows[0];
      app.emit('render-process-gone', {}, window.webContents, gone('crashed', -1073741819));
      await until(() => window.webContents.reloads > 0);
      await logHas(/the wizard's page stopped: crashed, exit code -1073741819\n$/);
      assert.deepEqual(recorded.messageBoxes, [
        {
          type: 'error',
          title: 'TCP Port Tuner',
          message: "The wizard's page stopped (crashed). It is shown again now.",
          detail: `A change under way goes on in the background; the page shows how it ended. Log: ${log}`,
          parented: true,
        },
      ]);
      assert.equal(recorded.quits, 0);

      // A page that ends on its own, as when the window closes, is no crash.
      app.emit('render-process-gone', {}, window.webContents, gone('clean-exit', 0));
      await settle(50);
      assert.equal(recorded.messageBoxes.length, 1);
      assert.equal(window.webContents.reloads, 1);
    });

    it('before its first paint the window is hidden: the box is not given to it, where it could stay hidden too', async () => {
      const { recorded, app } = await startMain(MAIN);
      const window = recorded.windows[0];
      window.visible = false;
      app.emit('render-process-gone', {}, window.webContents, gone('oom', 1));
      await until(() => window.webContents.reloads === 1);
      assert.equal(recorded.messageBoxes.at(-1)?.parented, false);
    });

    it('launch-failed with error 18: one dialog saying so, what to try and where the log is, then the app closes', async () => {
      const { recorded, app } = await startMain(MAIN);
      const window = recorded.windows[0];
      app.emit('render-process-gone', {}, window.webContents, gone('launch-failed', 18));
      await until(() => recorded.quitDone);
      assert.equal(recorded.messageBoxes.length, 1);
      const [box] = recorded.messageBoxes;
      assert.equal(box.parented, false, 'not on a window that was never shown');
      assert.equal(box.message, 'Windows refused to start the page process, error 18.');
      assert.match(
        box.detail ?? '',
        /^TCP Port Tuner closes now\.\n\nWhat to try: start TCP Port Tuner again from the Start menu\./,
      );
      assert.match(box.detail ?? '', /tcp-port-tuner\.cmd status, in a console opened with "Run as administrator"/);
      assert.ok(box.detail?.endsWith(`\n\nLog: ${log}`), box.detail);
      assert.deepEqual(box.buttons, ['Close']);
      assert.equal(window.webContents.reloads, 0, 'no reload that would only fail again');
      assert.match(
        await readFile(log, 'utf8'),
        /the wizard's page stopped: launch-failed, exit code 18\n.* closing: Windows refused to start the page process, error 18\.\n$/,
      );

      // Whatever else Chromium reports while closing asks nothing more.
      app.emit('render-process-gone', {}, window.webContents, gone('launch-failed', 18));
      app.emit(
        'child-process-gone',
        {},
        { type: 'Utility', name: 'Network Service', reason: 'launch-failed', exitCode: 18 },
      );
      await settle(50);
      assert.equal(recorded.messageBoxes.length, 1);
    });

    it('a page that stops twice within 30 s is fatal; twice 31 s apart, it comes back each time', async (t) => {
      t.mock.timers.enable({ apis: ['Date'], now: Date.parse('2026-12-01T22:00:00Z') });
      const apart = await startMain(MAIN);
      const contents = apart.recorded.windows[0].webContents;
      apart.app.emit('render-process-gone', {}, contents, gone('crashed', 1));
      await until(() => contents.reloads === 1);
      t.mock.timers.tick(31_000);
      apart.app.emit('render-process-gone', {}, contents, gone('oom', 2));
      await until(() => contents.reloads === 2);
      assert.equal(apart.recorded.quits, 0);

      const loop = await startMain(MAIN);
      const looping = loop.recorded.windows[0].webContents;
      loop.app.emit('render-process-gone', {}, looping, gone('crashed', 1));
      await until(() => looping.reloads === 1);
      t.mock.timers.tick(29_000);
      loop.app.emit('render-process-gone', {}, looping, gone('crashed', -1073740791));
      await until(() => loop.recorded.quitDone);
      assert.equal(
        loop.recorded.messageBoxes.at(-1)?.message,
        "The wizard's page stopped twice within 30 seconds (crashed, exit code -1073740791).",
      );
      assert.equal(looping.reloads, 1);
    });

    it('a helper process that stops: a line in the log each time, one dialog in all', async () => {
      const { recorded, app } = await startMain(MAIN);
      for (const exitCode of [1, 2, 3])
        app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode });
      await logHas(/GPU process stopped: crashed, exit code 3\n/);
      assert.deepEqual(
        recorded.messageBoxes.map((box) => box.message),
        ['A helper process of TCP Port Tuner (GPU) stopped (crashed).'],
      );
      assert.match(
        await readFile(log, 'utf8'),
        /GPU process stopped: crashed, exit code 1\n.*GPU process stopped: crashed, exit code 2\n.*GPU process stopped: crashed, exit code 3\n$/,
      );
    });

    it('puts what the page reports as an error in the log, and stops after 20 lines', async () => {
      const { recorded } = await startMain(MAIN);
      const contents = recorded.windows[0].webContents;
      contents.emit('console-message', { level: 'info', message: 'not this' });
      for (let n = 1; n <= 25; n += 1)
        contents.emit('console-message', { level: 'error', message: `TypeError: boom ${n}\n    at render` });
      await logHas(/boom 20 at render/);
      await settle(100);
      const lines = (await readFile(log, 'utf8'))
        .split('\n')
        .filter((line) => line.includes("the wizard's page reported"));
      assert.equal(lines.length, 20);
      assert.match(lines[0], /the wizard's page reported: TypeError: boom 1 at render$/);
      assert.match(lines[19], /boom 20 at render \(further errors from the page are not logged\)$/);
    });

    it('a missing index.html: a dialog naming it and the log, a line in the log, and no window', async () => {
      // A copy of the build without dist/renderer, with the packages the bundle leaves external.
      const build = path.join(temp.path, 'build-without-page');
      mkdirSync(build, { recursive: true });
      cpSync(path.join(ROOT, 'dist/electron'), path.join(build, 'dist/electron'), { recursive: true });
      symlinkSync(path.join(ROOT, 'node_modules'), path.join(build, 'node_modules'), 'junction');
      const { recorded } = await startMain(path.join(build, 'dist/electron/main.cjs'));
      await until(() => recorded.quits > 0);
      const page = path.join(build, 'dist', 'renderer', 'index.html');
      assert.deepEqual(recorded.errorBoxes, [
        {
          title: 'TCP Port Tuner could not start',
          message: `The wizard's page ${page} is missing. Reinstall TCP Port Tuner.\n\nLog: ${log}`,
        },
      ]);
      assert.equal(recorded.windows.length, 0);
      assert.match(
        await readFile(log, 'utf8'),
        /could not start: The wizard's page .* is missing\. Reinstall TCP Port Tuner\.\n$/,
      );
    });
  },
);
