/**
 * Quitting from inside a request: "Restart as administrator" and a page that cannot start both
 * quit while an IPC handler runs, and the window's close guard refuses to close while one does.
 * The main side's modules (TypeScript, through tsx) on the stand-in for Electron, whose
 * app.quit() is cancelled by a prevented 'close' as Electron's is; relaunching must leave exactly
 * one copy: the new one started, this one gone.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type * as Ipc from '../../../../electron/main/ipc';
import type * as Relaunch from '../../../../electron/main/relaunch-as-admin';
import type * as Crashes from '../../../../electron/main/crash-report';
import { trackRequests } from '../../../../electron/main/quit-when-idle';
import { toFailure } from '../../../../electron/services/errors';
import type { Target } from '../../../../electron/services/host/target';
import type { ProcessResult } from '../../../../electron/services/host/process-runner';
import { IPC_PREFIX } from '../../../../shared/channels';
import { fakeElectron, loadWithElectron, settle, until } from '../../../helpers/fake-electron';
import { tempFolder } from '../../../helpers/temp-folder';

const MAIN_SIDE = path.resolve(__dirname, '../../../../electron/main');
const APP_URL = 'app://tuner/index.html';
const WINDOWS: Target = {
  host: 'windows',
  system32: 'C:\\Windows\\System32',
  regCommand: { file: 'C:\\Windows\\System32\\reg.exe', leadingArgs: [], env: {}, missingMessage: '' },
  dataDir: 'C:\\ProgramData\\TCP Port Tuner',
  dataDirChosen: false,
};

/** One fake Electron for this file: the modules are loaded once, with it. */
const fake = fakeElectron();
const { registerIpc } = loadWithElectron(path.join(MAIN_SIDE, 'ipc.ts'), fake.electron) as typeof Ipc;
const { relaunchAsAdmin } = loadWithElectron(
  path.join(MAIN_SIDE, 'relaunch-as-admin.ts'),
  fake.electron,
) as typeof Relaunch;
const { reportCrashes } = loadWithElectron(path.join(MAIN_SIDE, 'crash-report.ts'), fake.electron) as typeof Crashes;

/** A window with the app's handlers, whose every request runs `work`. */
function appWindow(work: () => Promise<unknown>) {
  fake.recorded.quitDone = false;
  const window = new fake.electron.BrowserWindow({ webPreferences: {} });
  window.webContents.url = APP_URL;
  const requests = trackRequests(() => fake.app.quit());
  // As the dispatcher does: a failure becomes a plain result.
  const dispatch = async () =>
    work().then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error: toFailure(error) }),
    );
  registerIpc(window as never, Promise.resolve(dispatch as never), requests);
  const ask = (channel: string) =>
    fake.recorded.handlers.get(IPC_PREFIX + channel)?.(
      { sender: window.webContents, senderFrame: { parent: null, url: APP_URL } },
      {},
    );
  return { window, requests, ask };
}

describe('quitting from inside a request', () => {
  const temp = tempFolder('main-quit');
  const saved = { ...process.env };
  before(async () => {
    process.env.TCP_PORT_TUNER_DATA_DIR = path.join(temp.path, 'data');
  });
  after(async () => {
    process.env = saved;
  });

  it('Restart as administrator: the elevated copy is started without the lock, then this copy quits after answering', async () => {
    const calls: { file: string; args: readonly string[]; env?: NodeJS.ProcessEnv; lockReleased: number }[] = [];
    const run = async (file: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<ProcessResult> => {
      calls.push({ file, args, env, lockReleased: fake.recorded.lockReleased });
      return { code: 0, stdout: '', stderr: '' };
    };
    const before = { quits: fake.recorded.quits, cancelled: fake.recorded.quitsCancelled };
    const { requests, ask } = appWindow(() => relaunchAsAdmin(WINDOWS, run, requests).then(() => ({})));
    const answer = await ask('relaunchAsAdmin');
    assert.deepEqual(answer, { ok: true, value: {} }, 'the page gets its answer');
    assert.equal(calls.length, 1);
    assert.equal(calls[0].file, 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    assert.deepEqual(calls[0].args, [
      '-NoProfile',
      '-NonInteractive',
      '-Command',
      'Start-Process -FilePath $env:TUNER_EXE -ArgumentList $env:TUNER_APP -Verb RunAs',
    ]);
    assert.equal(calls[0].env?.TUNER_EXE, process.execPath);
    assert.equal(
      calls[0].lockReleased,
      1,
      'the lock was let go before the new copy started, or it would only focus this one',
    );
    await until(() => fake.recorded.quitDone);
    assert.equal(fake.recorded.quits - before.quits, 1, 'this copy quit once');
    assert.equal(fake.recorded.quitsCancelled, before.cancelled, 'and the close guard did not cancel it');
  });

  it('a declined UAC prompt: a plain refusal, and this copy stays', async () => {
    const quits = fake.recorded.quits;
    const run = async (): Promise<ProcessResult> => ({
      code: 1,
      stdout: '',
      stderr: 'The operation was canceled by the user.',
    });
    const { requests, ask } = appWindow(() => relaunchAsAdmin(WINDOWS, run, requests));
    assert.deepEqual(await ask('relaunchAsAdmin'), {
      ok: false,
      error: {
        kind: 'not-permitted',
        message:
          'Windows did not start TCP Port Tuner as administrator: the request was declined or failed. Nothing was changed.',
      },
    });
    await settle(50);
    assert.equal(fake.recorded.quits, quits);
  });

  it('a quit asked for while a change runs waits for it, and refuses new requests meanwhile', async () => {
    let finish!: () => void;
    const change = new Promise<void>((resolve) => (finish = resolve));
    const quits = fake.recorded.quits;
    const { requests, ask } = appWindow(() => change.then(() => ({ applied: true })));
    const applying = ask('apply');
    await settle();
    requests.quitWhenIdle();
    fake.app.quit();
    assert.equal(fake.recorded.quitDone, false, "the window's close guard holds while the change runs");
    assert.deepEqual(await ask('getStatus'), {
      ok: false,
      error: { kind: 'busy', message: 'TCP Port Tuner is closing, so the request was not started.' },
    });
    finish();
    assert.deepEqual(
      await applying,
      { ok: true, value: { applied: true } },
      "the change's answer still reaches the page",
    );
    await until(() => fake.recorded.quitDone);
    assert.equal(fake.recorded.quits - quits, 2, 'the quit that was refused, and the one after the change');
  });

  it('a page that cannot start during a change: the dialog says the app closes after it, and it does', async () => {
    let finish!: () => void;
    const change = new Promise<void>((resolve) => (finish = resolve));
    const { window, requests, ask } = appWindow(() => change.then(() => ({})));
    reportCrashes(window as never, requests);
    const applying = ask('apply');
    await settle();
    fake.app.emit('render-process-gone', {}, window.webContents, { reason: 'launch-failed', exitCode: 18 });
    await until(() => fake.recorded.messageBoxes.length > 0);
    assert.match(
      fake.recorded.messageBoxes.at(-1)?.detail ?? '',
      /^TCP Port Tuner closes now once the change under way has finished\./,
    );
    await settle(50);
    assert.equal(fake.recorded.quitDone, false);
    finish();
    await applying;
    await until(() => fake.recorded.quitDone);
    assert.equal(fake.recorded.quitDone, true);
  });
});
