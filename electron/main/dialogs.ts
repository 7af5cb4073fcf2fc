import { dialog, type BrowserWindow } from 'electron';

/** The backup folder comes from the main side's own dialog, never from a path the page names. */
export async function chooseFolder(window: BrowserWindow): Promise<string | null> {
  const { canceled, filePaths } = await dialog.showOpenDialog(window, {
    title: 'Choose a folder for backups',
    properties: ['openDirectory', 'createDirectory'],
  });
  return canceled ? null : (filePaths[0] ?? null);
}

/** Only for a failure before the window exists: a plain message, never a stack trace. */
export function showStartupFailure(message: string): void {
  dialog.showErrorBox('TCP Port Tuner could not start', message);
}
