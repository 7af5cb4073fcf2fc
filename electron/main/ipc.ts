import { ipcMain, type BrowserWindow } from 'electron';
import { CHANNEL_NAMES, IPC_PREFIX } from '../../shared/channels';
import type { Result } from '../../shared/contract';
import type { Dispatch } from '../ipc/dispatch';
import { APP_URL } from './app-protocol';
import type { Requests } from './quit-when-idle';
import { isTrustedSender } from './sender-check';

const REFUSED: Result<never> = {
  ok: false,
  error: {
    kind: 'not-permitted',
    message: "The request did not come from TCP Port Tuner's own window, so it was refused.",
  },
};

const CLOSING: Result<never> = {
  ok: false,
  error: { kind: 'busy', message: 'TCP Port Tuner is closing, so the request was not started.' },
};

/**
 * One handler per channel of the contract. The sender is checked before anything else; the
 * dispatcher then validates the request. Handlers exist before the page loads, and wait for the
 * services that are still starting.
 */
export function registerIpc(window: BrowserWindow, dispatch: Promise<Dispatch>, requests: Requests): void {
  // Kept, because reading `window.webContents` throws once the window is destroyed.
  const appContents = window.webContents;
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(IPC_PREFIX + channel, async (event, request: unknown) => {
      const sender = { fromAppWindow: event.sender === appContents, frame: event.senderFrame };
      if (!isTrustedSender(sender, APP_URL)) return REFUSED;
      return requests.run(async () => (await dispatch)(channel, request), CLOSING);
    });
  }
  // Closing mid-change would quit between a write and its read-back; the journal would settle it
  // at the next start, but the user would not see how it ended. Wait for the answer instead.
  window.on('close', (event) => {
    if (requests.busy) event.preventDefault();
  });
}
