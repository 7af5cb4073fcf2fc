/**
 * Hardening for an app that runs elevated: whatever runs in a renderer must not open windows,
 * navigate away, embed content, reach the network or be granted any browser permission.
 */
import { app, type Session } from 'electron';
import { APP_URL } from './app-protocol';
import { isAppPage } from './sender-check';

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
  // Writing text to the clipboard (the export page's Copy) is the one thing the app's own page may do.
  const allowed = (permission: string, url: string) => permission === 'clipboard-sanitized-write' && isAppPage(url, APP_URL);
  session.setPermissionRequestHandler((contents, permission, callback) => callback(allowed(permission, contents.getURL())));
  session.setPermissionCheckHandler((_contents, permission, origin) => allowed(permission, origin));
  session.setDevicePermissionHandler(() => false);
  // The page's CSP already forbids remote content; this also stops anything the CSP does not cover.
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
}
