import type { BrowserWindow } from 'electron';
import { createDispatcher, type Dispatch } from '../ipc/dispatch';
import { createServices } from '../services/create-services';
import { toFailure } from '../services/errors';
import { settleAtStart } from '../services/change/settle-at-start';
import { chooseFolder, chooseSaveFile } from './dialogs';
import type { Requests } from './quit-when-idle';
import { relaunchAsAdmin } from './relaunch-as-admin';
import { vbsFolder } from './vbs-folder';

/**
 * The dispatcher behind the window's IPC handlers. Nothing here ends in a crash dialog: if the
 * services cannot start, every request answers with that failure and the wizard shows it.
 */
export async function createWindowDispatch(window: BrowserWindow, requests: Requests): Promise<Dispatch> {
  try {
    const services = await createServices({ vbsFolder: vbsFolder() });
    // The wizard opens whatever this says, and its first page shows it (status.settledAtStart).
    await settleAtStart(services.tuner, (line) => process.stderr.write(`TCP Port Tuner: ${line}\n`));
    return createDispatcher({
      ...services,
      chooseFolder: () => chooseFolder(window),
      chooseSaveFile: (suggestedName) => chooseSaveFile(window, suggestedName),
      relaunchAsAdmin: () => relaunchAsAdmin(services.target, services.run, requests),
    });
  } catch (error) {
    const failure = toFailure(error);
    return async () => ({ ok: false, error: failure });
  }
}
