import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { plainFolder } from './safe-file';

/**
 * Scratch files are `<data folder>/scratch/<name>`. reg.exe opens what it exports to and
 * imports from by name, following whatever stands there, so each use gets a folder of its own:
 * scratch/ must be a real folder in the data folder, and the folder made inside it has a random
 * name no one can plant beforehand and (off Windows) mode 0700; on Windows it inherits the data
 * folder's ACL, administrators only. The folder and all in it are removed afterwards (a link
 * planted inside is removed itself, never followed).
 */
export async function inScratchFolder<T>(scratchFile: string, work: (file: string) => Promise<T>): Promise<T> {
  const scratch = path.dirname(scratchFile);
  await plainFolder(scratch, path.dirname(scratch));
  const own = await mkdtemp(path.join(scratch, 'use-'));
  try {
    return await work(path.join(own, path.basename(scratchFile)));
  } finally {
    await rm(own, { recursive: true, force: true });
  }
}
