import { app, type BrowserWindow } from 'electron';
import path from 'node:path';
import { createDispatcher, type Dispatch } from '../ipc/dispatch';
import { createTuner } from '../services/create-tuner';
import { toFailure } from '../services/errors';
import { RestartService } from '../services/restart';
import { settleAtStart } from '../services/settle-at-start';
import { chooseFolder } from './dialogs';
import { relaunchAsAdmin } from './elevation';

/**
 * Puts the services together for the window. Nothing here ends in a crash dialog: if the services
 * cannot start, every request answers with that failure and the wizard shows it.
 */
export async function createAppDispatch(window: BrowserWindow): Promise<Dispatch> {
  try {
    // cscript cannot read the regedit package's scripts inside app.asar: they ship beside it.
    const vbsFolder = app.isPackaged ? path.join(process.resourcesPath, 'vbs') : undefined;
    const { service, target, run, backupDir } = await createTuner({ vbsFolder });
    // The wizard opens whatever this says; the history it shows records how a settle ended.
    await settleAtStart(service, (line) => process.stderr.write(`TCP Port Tuner: ${line}\n`));
    return createDispatcher({
      tuner: service,
      restart: new RestartService(target, run),
      defaultBackupDir: backupDir,
      chooseFolder: () => chooseFolder(window),
      relaunchAsAdmin: () => relaunchAsAdmin(target, run),
    });
  } catch (error) {
    const failure = toFailure(error);
    return async () => ({ ok: false, error: failure });
  }
}
