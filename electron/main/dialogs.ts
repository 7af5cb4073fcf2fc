import { dialog, type BrowserWindow } from 'electron';

/** The backup folder comes from the main side's own dialog, never from a path the page names. */
export async function chooseFolder(window: BrowserWindow): Promise<string | null> {
  const { canceled, filePaths } = await dialog.showOpenDialog(window, {
    title: 'Choose a folder for backups',
    properties: ['openDirectory', 'createDirectory'],
  });
  return canceled ? null : (filePaths[0] ?? null);
}

/** An export is saved only where the user picked in the main side's own dialog (which asks before replacing a file). */
export async function chooseSaveFile(window: BrowserWindow, suggestedName: string): Promise<string | null> {
  const { canceled, filePath } = await dialog.showSaveDialog(window, {
    title: 'Save the change for other servers',
    defaultPath: suggestedName,
  });
  return canceled || !filePath ? null : filePath;
}

/** Only for a failure before the window exists: a plain message, never a stack trace. */
export function showStartupFailure(message: string): void {
  dialog.showErrorBox('TCP Port Tuner could not start', message);
}
