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
import { CHANNEL_NAMES, IPC_PREFIX } from '../../../../shared/channels';
import { fakeElectron, FakeContents, loadWithElectron, settle, startMain, until, type FakeElectronOptions, type PermissionDetails } from '../../../helpers/fake-electron';
import { tempFolder } from '../../../helpers/temp-folder';

const MAIN = path.resolve(__dirname, '../../../../dist/electron/main.cjs');
const APP_URL = 'app://tuner/index.html';

describe('the main process, built, on a stand-in for Electron', { skip: existsSync(MAIN) ? false : 'dist/electron/main.cjs is missing: run node scripts/build.mjs' }, () => {
  const temp = tempFolder('main-process');
  const saved = { argv: process.argv, env: { ...process.env } };
  before(async () => {
    // Whatever the services read at start-up stays inside this test's folder.
    process.env.TCP_PORT_TUNER_DATA_DIR = path.join(temp.path, 'data');
    process.env.WINEPREFIX = path.join(temp.path, 'no-prefix');
  });
  after(async () => {
    process.argv = saved.argv;
    process.env = saved.env;
  });

  const start = (options: FakeElectronOptions = {}) => startMain(MAIN, options);

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

    // What Electron 45 passes: a request names the frame's URL in details, a check its origin
    // (the origin's URL, `app://tuner/`), with the URL in details when a document asks.
    const page = { requestingUrl: APP_URL, isMainFrame: true };
    const granted = (permission: string, details: PermissionDetails) =>
      new Promise((resolve) => recorded.permissionRequest?.(new FakeContents(), permission, resolve, details));
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) assert.equal(await granted(permission, page), false, permission);
    assert.equal(await granted('clipboard-sanitized-write', page), true, "the export page's Copy");
    assert.equal(await granted('clipboard-sanitized-write', { requestingUrl: 'https://example.com/', isMainFrame: true }), false, 'but only for its own page');
    assert.equal(await granted('clipboard-sanitized-write', { ...page, isMainFrame: false }), false, 'and never for a frame inside it');
    const checked = (permission: string, origin: string, details: PermissionDetails = page) => recorded.permissionCheck?.(null, permission, origin, details);
    assert.equal(checked('clipboard-sanitized-write', 'app://tuner/'), true, 'Copy passes the check Chromium makes before writing');
    assert.equal(checked('clipboard-sanitized-write', 'app://tuner'), true);
    assert.equal(checked('clipboard-sanitized-write', 'app://tuner/', { isMainFrame: true }), true, 'a check need not carry the URL');
    assert.equal(checked('media', 'app://tuner/'), false);
    for (const origin of ['https://tuner/', 'app://tuner.example/', 'app://tuner:8080/', 'app://user@tuner/', 'app://tuner/index.html', 'null', '']) {
      assert.equal(checked('clipboard-sanitized-write', origin), false, origin);
    }
    assert.equal(checked('clipboard-sanitized-write', 'app://tuner/', { ...page, isMainFrame: false, embeddingOrigin: 'app://tuner/' }), false, 'not from a subframe');
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
    await until(() => recorded.quits > 0);
    assert.deepEqual(recorded.errorBoxes.map((box) => box.title), ['TCP Port Tuner could not start']);
    const log = path.join(temp.path, 'data', 'tcp-port-tuner.log');
    assert.match(recorded.errorBoxes[0].message, new RegExp(`ERR_FAILED.*\\n\\nLog: ${log.replace(/[.\\]/g, '\\$&')}$`, 's'));
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
    stdout.write = ((chunk: string, ...rest: [never]) => (chunk === '' ? hold(rest[0]) !== false : writes.stdout.call(stdout, chunk, ...rest))) as typeof stdout.write;
    try {
      const fake = fakeElectron();
      loadWithElectron(MAIN, fake.electron);
      await settle();
      assert.deepEqual(written, ['tcp-port-tuner: MaxUserPort must be a whole number from 5000 to 65534; 70000 is out of range. Nothing was changed.\n']);
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
