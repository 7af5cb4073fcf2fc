import { app } from 'electron';
import path from 'node:path';

/** cscript cannot read the regedit package's scripts inside app.asar: the installer puts them beside it. */
export function vbsFolder(): string | undefined {
  return app.isPackaged ? path.join(process.resourcesPath, 'vbs') : undefined;
}
