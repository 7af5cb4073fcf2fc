import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { WINDOW_SIZE } from '../../shared/window-size';

/** The wizard's one window: a sandboxed page that sees nothing but the preload's `window.tuner`. */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: 'TCP Port Tuner',
    ...WINDOW_SIZE,
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click would otherwise ask for a new window (denied anyway, by security.ts).
      disableBlinkFeatures: 'Auxclick',
      // An elevated app: no console into it once shipped.
      devTools: !app.isPackaged,
    },
  });
  // The default menu only offers reload and developer tools; a wizard needs neither.
  window.removeMenu();
  window.once('ready-to-show', () => window.show());
  return window;
}

/** A second start of the app brings the running one forward instead. */
export function bringToFront(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
