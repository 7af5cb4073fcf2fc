/**
 * A blank elevated window is the worst a DBA can meet: when the page's process or a helper
 * process dies, this says so in a plain dialog, names the log, and brings the page back. A page
 * process that cannot start at all (`launch-failed`: Windows refused to create it) or dies
 * again within 30 s would only die again: that is said once, and the app closes.
 */
import { app, dialog, type BrowserWindow } from 'electron';
import { logPath, record } from './app-log';
import type { Requests } from './quit-when-idle';

/** How a process ended, in Electron's words ("crashed", "oom", "launch-failed", ...). */
interface Gone {
  reason: string;
  exitCode: number;
}

const FINE = new Set(['clean-exit', 'killed']);
const AGAIN_WITHIN_MS = 30_000;

/** What a DBA can do about a page that cannot be shown, and what still works without it. */
const WHAT_TO_TRY =
  'What to try: start TCP Port Tuner again from the Start menu. If this happens again, restart Windows, ' +
  'and check whether security software stops "TCP Port Tuner.exe" from starting its own processes. ' +
  'The command line needs no page: tcp-port-tuner.cmd status, in a console opened with "Run as administrator".';

function fatalMessage(details: Gone): string {
  return details.reason === 'launch-failed'
    ? `Windows refused to start the page process, error ${details.exitCode}.`
    : `The wizard's page stopped twice within 30 seconds (${details.reason}, exit code ${details.exitCode}).`;
}

export function reportCrashes(window: BrowserWindow, requests: Requests): void {
  let lastGone = -Infinity;
  let closing = false;
  let helperReported = false;

  app.on('render-process-gone', (_event, contents, details: Gone) => {
    // A page that ended on its own (as when the window closes) is no crash; a destroyed window
    // throws when its webContents is read.
    if (closing || details.reason === 'clean-exit' || window.isDestroyed() || contents !== window.webContents) return;
    const now = Date.now();
    const fatal = details.reason === 'launch-failed' || now - lastGone < AGAIN_WITHIN_MS;
    lastGone = now;
    void record(`the wizard's page stopped: ${details.reason}, exit code ${details.exitCode}`);
    if (fatal) {
      closing = true;
      void closeForGood(details, requests);
      return;
    }
    const box = {
      type: 'error' as const,
      title: 'TCP Port Tuner',
      message: `The wizard's page stopped (${details.reason}). It is shown again now.`,
      detail: `A change under way goes on in the background; the page shows how it ended. Log: ${logPath()}`,
    };
    // A box owned by a window that was never shown could stay hidden with it.
    void (window.isVisible() ? dialog.showMessageBox(window, box) : dialog.showMessageBox(box)).then(() => {
      if (!closing && !window.isDestroyed()) window.webContents.reload();
    });
  });

  app.on('child-process-gone', (_event, details: Gone & { type: string; name?: string }) => {
    const name = details.name ?? details.type;
    void record(`${name} process stopped: ${details.reason}, exit code ${details.exitCode}`);
    // Chromium starts its helpers again by itself: one dialog says so, the log has every one.
    if (FINE.has(details.reason) || closing || helperReported || window.isDestroyed()) return;
    helperReported = true;
    void dialog.showMessageBox(window, {
      type: 'warning',
      title: 'TCP Port Tuner',
      message: `A helper process of TCP Port Tuner (${name}) stopped (${details.reason}).`,
      detail: `The wizard goes on; if the window stays blank, close it and start TCP Port Tuner again. Log: ${logPath()}`,
    });
  });
}

/** One dialog, with no parent: the window may never have been shown. Then quit, after any change under way. */
async function closeForGood(details: Gone, requests: Requests): Promise<void> {
  const message = fatalMessage(details);
  const waiting = requests.busy ? ' once the change under way has finished' : '';
  await record(`closing: ${message}`);
  await dialog.showMessageBox({
    type: 'error',
    title: 'TCP Port Tuner',
    message,
    detail: `TCP Port Tuner closes now${waiting}.\n\n${WHAT_TO_TRY}\n\nLog: ${logPath()}`,
    buttons: ['Close'],
  });
  requests.quitWhenIdle();
}
