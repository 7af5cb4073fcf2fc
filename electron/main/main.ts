/**
 * The Electron entry: composes the modules beside it. The work itself is done by the services,
 * which know nothing of Electron. No auto-updater, no telemetry, no remote URL anywhere.
 */
import { app, session, type BrowserWindow } from 'electron';
import { toFailure } from '../services/errors';
import { APP_URL, registerAppScheme, serveApp } from './app-protocol';
import { cliArguments, runCliMode } from './cli-mode';
import { reportCrashes } from './crash-report';
import { showStartupFailure } from './dialogs';
import { registerIpc } from './ipc';
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

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession);
      serveApp();
      mainWindow = createMainWindow();
      reportCrashes(mainWindow);
      registerIpc(mainWindow, createWindowDispatch(mainWindow));
      return mainWindow.loadURL(APP_URL);
    })
    .catch((error: unknown) => {
      showStartupFailure(toFailure(error).message);
      app.quit();
    });
}

const cli = cliArguments(process.argv);
if (cli) runCliMode(cli);
else startWizard();
