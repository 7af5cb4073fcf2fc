import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isAppPage, isTrustedSender, type FrameLike } from '../../../../electron/main/sender-check';

const APP_URL = 'app://tuner/index.html';
const topFrame = (url: string): FrameLike => ({ url, parent: null });
const fromApp = (frame: FrameLike | null | undefined) => ({ fromAppWindow: true, frame });

describe('isTrustedSender', () => {
  test("accepts the app's own page as the main window's top-level frame", () => {
    assert.equal(isTrustedSender(fromApp(topFrame(APP_URL)), APP_URL), true);
  });

  test('accepts the page with a fragment, which never leaves the page', () => {
    assert.equal(isTrustedSender(fromApp(topFrame(`${APP_URL}#/review`)), APP_URL), true);
  });

  test('refuses lookalike and foreign pages', () => {
    for (const url of [
      'app://tuner.evil/index.html',
      'app://evil.tuner/index.html',
      'app://tuner:8080/index.html',
      'app://user@tuner/index.html',
      'app://tuner/other.html',
      'app://tuner/index.html/extra',
      'app://tuner/index.html?next=1',
      'app://tuner/',
      'apps://tuner/index.html',
      'file:///other/index.html',
      'file:///app/tuner/index.html',
      'https://tuner/index.html',
      'https://example.com/app://tuner/index.html',
      'http://127.0.0.1:5173/index.html',
      'data:text/html,<script>1</script>',
      'about:blank',
      '',
      'not a url',
    ]) {
      assert.equal(isTrustedSender(fromApp(topFrame(url)), APP_URL), false, url);
    }
  });

  test("refuses the app's own page inside a subframe", () => {
    const parent = topFrame(APP_URL);
    assert.equal(isTrustedSender(fromApp({ url: APP_URL, parent }), APP_URL), false);
  });

  test('refuses a message from any webContents but the main window', () => {
    assert.equal(isTrustedSender({ fromAppWindow: false, frame: topFrame(APP_URL) }, APP_URL), false);
  });

  test('refuses a frame that is gone', () => {
    assert.equal(isTrustedSender(fromApp(null), APP_URL), false);
    assert.equal(isTrustedSender(fromApp(undefined), APP_URL), false);
  });

  test('refuses a disposed frame whose URL can no longer be read', () => {
    const disposed = {
      parent: null,
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    assert.equal(isTrustedSender(fromApp(disposed), APP_URL), false);
  });
});

describe('isAppPage', () => {
  test('is true for the page itself, also after URL normalisation', () => {
    assert.equal(isAppPage(APP_URL, APP_URL), true);
    assert.equal(isAppPage('APP://tuner/./index.html', APP_URL), true);
  });

  test('is false for other pages and for input that is not a URL', () => {
    assert.equal(isAppPage('app://tuner/other.html', APP_URL), false);
    assert.equal(isAppPage('https://tuner/index.html', APP_URL), false);
    assert.equal(isAppPage('', APP_URL), false);
    assert.equal(isAppPage(APP_URL, 'not a url'), false);
  });
});
