/**
 * What the built Electron main process refuses, on a recording stand-in for the `electron`
 * module: a sender that is not its window, navigation, new windows, webviews, permissions, remote
 * requests, and any file outside dist/renderer. Needs `node scripts/build.mjs` first.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHANNEL_NAMES, IPC_PREFIX } from '../../../../shared/channels';
import { APP_URL, builtMain, NEEDS_BUILD } from '../../../helpers/built-main';
import type { PermissionDetails } from '../../../helpers/fake-electron/recorded';
import { FakeContents } from '../../../helpers/fake-electron/window';

describe('what the main process, built, refuses on a stand-in for Electron', NEEDS_BUILD, () => {
  const { start } = builtMain('main-security');

  it('handles every channel of the contract, and no other, refusing a sender that is not its window', async () => {
    const { recorded } = await start();
    assert.deepEqual([...recorded.handlers.keys()].sort(), CHANNEL_NAMES.map((name) => IPC_PREFIX + name).sort());
    const stranger = { sender: new FakeContents(), senderFrame: { parent: null, url: APP_URL } };
    const answer = await recorded.handlers.get(`${IPC_PREFIX}apply`)?.(stranger, { MaxUserPort: 65534 });
    assert.deepEqual(answer, {
      ok: false,
      error: {
        kind: 'not-permitted',
        message: "The request did not come from TCP Port Tuner's own window, so it was refused.",
      },
    });
    const subframe = { sender: recorded.windows[0].webContents, senderFrame: { parent: {}, url: APP_URL } };
    assert.equal(
      ((await recorded.handlers.get(`${IPC_PREFIX}undo`)?.(subframe, { force: true })) as { ok: boolean }).ok,
      false,
    );
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
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      assert.equal(await granted(permission, page), false, permission);
    assert.equal(await granted('clipboard-sanitized-write', page), true, "the export page's Copy");
    assert.equal(
      await granted('clipboard-sanitized-write', { requestingUrl: 'https://example.com/', isMainFrame: true }),
      false,
      'but only for its own page',
    );
    assert.equal(
      await granted('clipboard-sanitized-write', { ...page, isMainFrame: false }),
      false,
      'and never for a frame inside it',
    );
    const checked = (permission: string, origin: string, details: PermissionDetails = page) =>
      recorded.permissionCheck?.(null, permission, origin, details);
    assert.equal(
      checked('clipboard-sanitized-write', 'app://tuner/'),
      true,
      'Copy passes the check Chromium makes before writing',
    );
    assert.equal(checked('clipboard-sanitized-write', 'app://tuner'), true);
    assert.equal(
      checked('clipboard-sanitized-write', 'app://tuner/', { isMainFrame: true }),
      true,
      'a check need not carry the URL',
    );
    assert.equal(checked('media', 'app://tuner/'), false);
    for (const origin of [
      'https://tuner/',
      'app://tuner.example/',
      'app://tuner:8080/',
      'app://user@tuner/',
      'app://tuner/index.html',
      'null',
      '',
    ]) {
      assert.equal(checked('clipboard-sanitized-write', origin), false, origin);
    }
    assert.equal(
      checked('clipboard-sanitized-write', 'app://tuner/', {
        ...page,
        isMainFrame: false,
        embeddingOrigin: 'app://tuner/',
      }),
      false,
      'not from a subframe',
    );
    assert.equal(recorded.deviceCheck?.(), false);

    assert.deepEqual(recorded.beforeRequest?.urls, ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*']);
    const cancelled = await new Promise((resolve) =>
      recorded.beforeRequest?.listener({ url: 'https://telemetry.example/' }, resolve),
    );
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
    for (const url of [
      'app://tuner/../electron/main.cjs',
      'app://tuner/%2e%2e/electron/main.cjs',
      'app://other/index.html',
      'app://tuner/missing.js',
    ]) {
      const refused = await fetch(url);
      assert.equal(refused.status, 404, url);
      assert.match(
        refused.headers.get('content-security-policy') ?? '',
        /default-src 'none'/,
        `${url} carries the CSP too`,
      );
    }
  });
});
