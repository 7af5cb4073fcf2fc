/**
 * Errors the page writes to its console (the renderer's error boundary among them) go to
 * tcp-port-tuner.log, which the page cannot write itself. A page that floods its console is cut
 * off: the page is never trusted, and the log must stay readable.
 */
import type { BrowserWindow } from 'electron';
import { record } from './app-log';

const MAX_LINES = 20;
const MAX_CHARS = 500;

export function logPageErrors(window: BrowserWindow): void {
  let lines = 0;
  window.webContents.on('console-message', ({ level, message }) => {
    if (level !== 'error' || lines >= MAX_LINES) return;
    lines += 1;
    const more = lines === MAX_LINES ? ' (further errors from the page are not logged)' : '';
    void record(`the wizard's page reported: ${String(message).slice(0, MAX_CHARS)}${more}`);
  });
}
