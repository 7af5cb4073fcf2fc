/**
 * The Electron entry: composes the modules beside it. The work itself is done by the services,
 * which know nothing of Electron. No auto-updater, no telemetry, no remote URL anywhere.
 */
import { app, session, type BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { TunerError, toFailure } from '../services/errors';
import { logPath, record } from './app-log';
import { APP_URL, PAGE_FILE, registerAppScheme, serveApp } from './app-protocol';
import { cliArguments, runCliMode } from './cli-mode';
import { reportCrashes } from './crash-report';
import { showStartupFailure } from './dialogs';
import { registerIpc } from './ipc';
import { logPageErrors } from './page-errors';
import { trackRequests } from './quit-when-idle';
import { hardenApp, hardenSession } from './security';
import { createWindowDispatch } from './window-dispatch';
import { bringToFront, createMainWindow } from './window';

function startWizard(): void {
  registerAppScheme();
  hardenApp();

  // Two copies working on the same registry values and journal would only confuse each other.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (mainWindow && !mainWindow.isDestroyed()) bringToFront(mainWindow);
  });
  app.on('window-all-closed', () => app.quit());
  const requests = trackRequests(() => app.quit());

  app
    .whenReady()
    .then(() => {
      if (!existsSync(PAGE_FILE))
        throw new TunerError('unexpected', `The wizard's page ${PAGE_FILE} is missing. Reinstall TCP Port Tuner.`);
      hardenSession(session.defaultSession);
      serveApp();
      mainWindow = createMainWindow();
      reportCrashes(mainWindow, requests);
      logPageErrors(mainWindow);
      registerIpc(mainWindow, createWindowDispatch(mainWindow, requests), requests);
      return mainWindow.loadURL(APP_URL);
    })
    .catch(async (error: unknown) => {
      const { message } = toFailure(error);
      await record(`could not start: ${message}`);
      showStartupFailure(`${message}\n\nLog: ${logPath()}`);
      app.quit();
    });
}

const cli = cliArguments(process.argv);
if (cli) runCliMode(cli);
else startWizard();
