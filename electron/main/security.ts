/**
 * Hardening for an app that runs elevated: whatever runs in a renderer must not open windows,
 * navigate away, embed content, reach the network or be granted any browser permission.
 */
import { app, type Session } from 'electron';
import { APP_ORIGIN, APP_URL } from './app-protocol';
import { isAppOrigin, isAppPage } from './sender-check';

/** Writing text to the clipboard (the export page's Copy) is the one thing the app's own page may do. */
const ALLOWED = 'clipboard-sanitized-write';

/** Must run before the app is ready. */
export function hardenApp(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAppPage(url, APP_URL)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppPage(url, APP_URL)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

export function hardenSession(session: Session): void {
  // A request names the frame by the URL it loaded (details.requestingUrl); a check names it by
  // its origin (`app://tuner/`, as Chromium serialises an origin's URL), with the URL in details
  // only when a document asks. Each is compared as what it is, and only the top frame may ask.
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permission === ALLOWED && details.isMainFrame && isAppPage(details.requestingUrl, APP_URL)),
  );
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) =>
      permission === ALLOWED && details.isMainFrame && isAppOrigin(requestingOrigin, APP_ORIGIN),
  );
  session.setDevicePermissionHandler(() => false);
  // The page's CSP already forbids remote content; this also stops anything the CSP does not cover.
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
}
