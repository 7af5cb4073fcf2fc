/**
 * The Electron main process as built (dist/electron/main.cjs), loaded with a recording stand-in
 * for the `electron` module: Electron's binary cannot run here, but everything the main process
 * asks of it can be checked. Needs `node scripts/build.mjs` first (npm test builds before this).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CHANNEL_NAMES, IPC_PREFIX } from '../../shared/channels';
import { fakeElectron, FakeContents, loadWithElectron, type FakeElectronOptions } from '../helpers/fake-electron';
import { makeTempRoot, removeTempRoot } from '../helpers/wine';

const MAIN = path.resolve(__dirname, '../../dist/electron/main.cjs');
const APP_URL = 'app://tuner/index.html';
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the main process, built, on a stand-in for Electron', { skip: existsSync(MAIN) ? false : 'dist/electron/main.cjs is missing: run node scripts/build.mjs' }, () => {
  let root: string;
  const saved = { argv: process.argv, env: { ...process.env } };
  before(async () => {
    root = await makeTempRoot('main-process');
    // Whatever the services read at start-up stays inside this test's folder.
    process.env.TCP_PORT_TUNER_DATA_DIR = path.join(root, 'data');
    process.env.WINEPREFIX = path.join(root, 'no-prefix');
  });
  after(async () => {
    process.argv = saved.argv;
    process.env = saved.env;
    await removeTempRoot(root);
  });

  async function start(options: FakeElectronOptions = {}) {
    const fake = fakeElectron(options);
    loadWithElectron(MAIN, fake.electron);
    fake.markReady();
    await settle();
    return fake;
  }

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

  it('handles every channel of the contract, and no other, refusing a sender that is not its window', async () => {
    const { recorded } = await start();
    assert.deepEqual([...recorded.handlers.keys()].sort(), CHANNEL_NAMES.map((name) => IPC_PREFIX + name).sort());
    const stranger = { sender: new FakeContents(), senderFrame: { parent: null, url: APP_URL } };
    const answer = await recorded.handlers.get(`${IPC_PREFIX}apply`)?.(stranger, { MaxUserPort: 65534 });
    assert.deepEqual(answer, { ok: false, error: { kind: 'not-permitted', message: "The request did not come from TCP Port Tuner's own window, so it was refused." } });
    const subframe = { sender: recorded.windows[0].webContents, senderFrame: { parent: {}, url: APP_URL } };
    assert.equal(((await recorded.handlers.get(`${IPC_PREFIX}undo`)?.(subframe, { force: true })) as { ok: boolean }).ok, false);
  });

  it('refuses navigation away, new windows, webviews, permissions and every remote request', async () => {
    const { recorded, app } = await start();
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    const prevented = (eventName: string, url: string) => {
      let stopped = false;
      contents.emit(eventName, { preventDefault: () => (stopped = true) }, url);
      return stopped;
    };
    assert.equal(prevented('will-navigate', 'https://example.com/'), true);
    assert.equal(prevented('will-redirect', 'file:///C:/Windows/System32/'), true);
    assert.equal(prevented('will-navigate', APP_URL), false, 'its own page may load');
    assert.equal(prevented('will-attach-webview', APP_URL), true);
    assert.deepEqual(contents.windowOpenHandler?.(), { action: 'deny' });

    const app_ = new FakeContents();
    app_.url = APP_URL;
    const granted = (permission: string, from: FakeContents) => new Promise((resolve) => recorded.permissionRequest?.(from, permission, resolve));
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) assert.equal(await granted(permission, app_), false, permission);
    assert.equal(await granted('clipboard-sanitized-write', app_), true, "the export page's Copy");
    assert.equal(await granted('clipboard-sanitized-write', contents), false, 'but only for its own page');
    assert.equal(recorded.permissionCheck?.(null, 'media', APP_URL), false);
    assert.equal(recorded.deviceCheck?.(), false);

    assert.deepEqual(recorded.beforeRequest?.urls, ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*']);
    const cancelled = await new Promise((resolve) => recorded.beforeRequest?.listener({ url: 'https://telemetry.example/' }, resolve));
    assert.deepEqual(cancelled, { cancel: true });
  });

  it('serves the page from app:// with the CSP on every response, and nothing outside dist/renderer', async () => {
    const { recorded } = await start();
    assert.deepEqual(recorded.schemes, [{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    const fetch = (url: string) => recorded.protocolHandler?.(new Request(url)) as Promise<Response>;
    const page = await fetch(APP_URL);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(await page.text(), /<script/);
    for (const url of ['app://tuner/../electron/main.cjs', 'app://tuner/%2e%2e/electron/main.cjs', 'app://other/index.html', 'app://tuner/missing.js']) {
      const refused = await fetch(url);
      assert.equal(refused.status, 404, url);
      assert.match(refused.headers.get('content-security-policy') ?? '', /default-src 'none'/, `${url} carries the CSP too`);
    }
  });

  it('quits without a window when another copy already runs', async () => {
    const { recorded } = await start({ singleInstance: false });
    assert.equal(recorded.quits, 1);
    assert.equal(recorded.windows.length, 0);
  });

  it('says why in a dialog when the window cannot load, and quits', async () => {
    const { recorded } = await start({ loadFails: true });
    assert.deepEqual(recorded.errorBoxes.map((box) => box.title), ['TCP Port Tuner could not start']);
    assert.match(recorded.errorBoxes[0].message, /ERR_FAILED/);
    assert.equal(recorded.quits, 1);
  });

  it('when the page crashes: a plain dialog naming the log, a line in the log, and the page back', async () => {
    const { recorded, app } = await start();
    const window = recorded.windows[0];
    app.emit('render-process-gone', {}, window.webContents, { reason: 'crashed', exitCode: -1073741819 });
    await settle();
    const log = path.join(root, 'data', 'tcp-port-tuner.log');
    assert.match(await readFile(log, 'utf8'), /the wizard's page stopped: crashed, exit code -1073741819\n$/);
    assert.deepEqual(recorded.messageBoxes.at(-1), {
      type: 'error',
      title: 'TCP Port Tuner',
      message: "The wizard's page stopped (crashed). It is shown again now.",
      detail: `A change under way goes on in the background; the page shows how it ended. Log: ${log}`,
    });
    assert.equal(window.webContents.reloads, 1);

    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'oom', exitCode: 1 });
    await settle();
    assert.match(recorded.messageBoxes.at(-1)?.message ?? '', /^A helper process of TCP Port Tuner \(GPU\) stopped \(oom\)\.$/);
    assert.match(await readFile(log, 'utf8'), /GPU process stopped: oom, exit code 1\n$/);
  });

  it('with --cli runs the command line instead of a window, and exits with its code', async () => {
    process.argv = [process.execPath, '--cli', 'apply', '--max-user-port', '70000'];
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      const fake = fakeElectron();
      loadWithElectron(MAIN, fake.electron);
      await settle();
      assert.equal(fake.recorded.exitCode, 2, 'invalid input');
      assert.equal(fake.recorded.windows.length, 0);
      assert.equal(fake.recorded.sandboxEnabled, false, 'no wizard was started');
      assert.deepEqual(written, ['tcp-port-tuner: MaxUserPort must be a whole number from 5000 to 65534; 70000 is out of range. Nothing was changed.\n']);
    } finally {
      process.stderr.write = write;
      process.argv = saved.argv;
    }
  });
});
