/**
 * How the built Electron main process starts, on a recording stand-in for the `electron` module:
 * its window, another copy already running, a window that cannot load, and the command line.
 * Needs `node scripts/build.mjs` first (npm test builds before this).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { APP_URL, builtMain, MAIN, NEEDS_BUILD } from '../../../helpers/built-main';
import { fakeElectron, loadWithElectron, settle, until } from '../../../helpers/fake-electron';

describe('how the main process, built, starts on a stand-in for Electron', NEEDS_BUILD, () => {
  const { temp, saved, start } = builtMain('main-start');

  it('opens one sandboxed, isolated window whose preload is in the build', async () => {
    const { recorded } = await start();
    assert.equal(recorded.sandboxEnabled, true, 'app.enableSandbox() for every renderer');
    assert.equal(recorded.windows.length, 1);
    const [window] = recorded.windows;
    const preferences = window.options.webPreferences;
    assert.equal(preferences.sandbox, true);
    assert.equal(preferences.contextIsolation, true);
    assert.equal(preferences.nodeIntegration, false);
    assert.equal(preferences.webSecurity, true);
    assert.ok(existsSync(preferences.preload as string), `the preload ${preferences.preload} is in the build`);
    assert.equal(window.loaded, APP_URL);
    assert.deepEqual([window.options.minWidth, window.options.minHeight], [640, 560]);
  });

  it('quits without a window when another copy already runs', async () => {
    const { recorded } = await start({ singleInstance: false });
    assert.equal(recorded.quits, 1);
    assert.equal(recorded.windows.length, 0);
  });

  it('says why in a dialog when the window cannot load, and quits', async () => {
    const { recorded } = await start({ loadFails: true });
    await until(() => recorded.quits > 0);
    assert.deepEqual(
      recorded.errorBoxes.map((box) => box.title),
      ['TCP Port Tuner could not start'],
    );
    const log = path.join(temp.path, 'data', 'tcp-port-tuner.log');
    assert.match(
      recorded.errorBoxes[0].message,
      new RegExp(`ERR_FAILED.*\\n\\nLog: ${log.replace(/[.\\]/g, '\\$&')}$`, 's'),
    );
    assert.match(await readFile(log, 'utf8'), /could not start: .*ERR_FAILED/);
    assert.equal(recorded.quits, 1);
  });

  it('with --cli runs the command line instead of a window, and exits with its code once its output is written', async () => {
    process.argv = [process.execPath, '--cli', 'apply', '--max-user-port', '70000'];
    // Node writes to a Windows console asynchronously: the write's callback comes later. stdout
    // also carries this test runner's own reports, so only its flush is held.
    const written: string[] = [];
    const pending: (() => void)[] = [];
    const { stdout, stderr } = process;
    const writes = { stdout: stdout.write, stderr: stderr.write };
    const hold = (callback: unknown) => typeof callback === 'function' && pending.push(callback as () => void);
    stderr.write = ((chunk: string, callback?: () => void) => {
      if (String(chunk)) written.push(String(chunk));
      hold(callback);
      return true;
    }) as typeof stderr.write;
    stdout.write = ((chunk: string, ...rest: [never]) =>
      chunk === '' ? hold(rest[0]) !== false : writes.stdout.call(stdout, chunk, ...rest)) as typeof stdout.write;
    try {
      const fake = fakeElectron();
      loadWithElectron(MAIN, fake.electron);
      await settle();
      assert.deepEqual(written, [
        'tcp-port-tuner: MaxUserPort must be a whole number from 5000 to 65534; 70000 is out of range. Nothing was changed.\n',
      ]);
      assert.equal(fake.recorded.exitCode, undefined, 'not before the console has taken the line');
      for (const callback of pending.splice(0)) callback();
      await settle();
      assert.equal(fake.recorded.exitCode, 2, 'invalid input');
      assert.equal(fake.recorded.windows.length, 0);
      assert.equal(fake.recorded.sandboxEnabled, false, 'no wizard was started');
    } finally {
      stdout.write = writes.stdout;
      stderr.write = writes.stderr;
      process.argv = saved.argv;
    }
  });
});
