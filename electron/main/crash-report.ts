/**
 * A blank elevated window is the worst a DBA can meet: when the page's process or a helper
 * process dies, this says so in a plain dialog, names the log, and brings the page back.
 */
import { app, dialog, type BrowserWindow } from 'electron';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { resolveTarget } from '../services/host/target';

/** How a process ended, in Electron's words ("crashed", "oom", "killed", "clean-exit", ...). */
interface Gone {
  reason: string;
  exitCode: number;
}

const FINE = new Set(['clean-exit', 'killed']);

export function reportCrashes(window: BrowserWindow): void {
  // The data folder is found when something has died, not at every start.
  const log = () => path.join(resolveTarget().dataDir, 'tcp-port-tuner.log');
  const record = (line: string) =>
    mkdir(path.dirname(log()), { recursive: true })
      .then(() => appendFile(log(), `${new Date().toISOString()} ${line}\n`))
      .catch(() => undefined);

  app.on('render-process-gone', (_event, contents, details: Gone) => {
    if (contents !== window.webContents || window.isDestroyed()) return;
    void record(`the wizard's page stopped: ${details.reason}, exit code ${details.exitCode}`).then(async () => {
      await dialog.showMessageBox(window, {
        type: 'error',
        title: 'TCP Port Tuner',
        message: `The wizard's page stopped (${details.reason}). It is shown again now.`,
        detail: `A change under way goes on in the background; the page shows how it ended. Log: ${log()}`,
      });
      if (!window.isDestroyed()) window.webContents.reload();
    });
  });

  app.on('child-process-gone', (_event, details: Gone & { type: string; name?: string }) => {
    void record(`${details.name ?? details.type} process stopped: ${details.reason}, exit code ${details.exitCode}`);
    if (FINE.has(details.reason) || window.isDestroyed()) return;
    void dialog.showMessageBox(window, {
      type: 'warning',
      title: 'TCP Port Tuner',
      message: `A helper process of TCP Port Tuner (${details.name ?? details.type}) stopped (${details.reason}).`,
      detail: `The wizard goes on; if the window stays blank, close it and start TCP Port Tuner again. Log: ${log()}`,
    });
  });
}
