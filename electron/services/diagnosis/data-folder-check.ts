import { rm } from 'node:fs/promises';
import { NotPlainError, plainFolder, temporaryName, writeNewPlain } from '../host/safe-file';
import path from 'node:path';

export interface DataFolderCheck {
  folder: string;
  /** Null when a file could be written there. */
  problem: string | null;
  fix: string | null;
}

/** What stops a write, in words, and what a DBA can do about it. */
export function explainDataFolder(folder: string, error: NodeJS.ErrnoException): { problem: string; fix: string } {
  const chosen = 'or name a folder you can write in TCP_PORT_TUNER_DATA_DIR';
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return {
        problem: `this account may not write in ${folder}`,
        fix: `Start TCP Port Tuner as administrator (the folder belongs to Administrators and SYSTEM once the tool has secured it), ${chosen}.`,
      };
    case 'ENOTDIR':
    case 'EEXIST':
      return {
        problem: `a file stands where ${folder} or a folder above it should be`,
        fix: `Move that file away (or rename it), ${chosen}.`,
      };
    case 'EROFS':
      return { problem: `the drive holding ${folder} is read-only`, fix: `Make the drive writable, ${chosen}.` };
    case 'ENOSPC':
      return { problem: `the drive holding ${folder} is full`, fix: 'Free some space on that drive.' };
    default:
      return {
        problem: `${folder} cannot be written (${error.code ?? error.message})`,
        fix: `Check the folder's permissions and the drive, ${chosen}.`,
      };
  }
}

/**
 * Backups, the journal and the alert's snapshots all live in the data folder: a folder that
 * cannot be written is said on the first page, before a DBA walks towards a change that would
 * fail. The check writes one empty file and removes it.
 */
export async function checkDataFolder(folder: string): Promise<DataFolderCheck> {
  try {
    await plainFolder(folder);
    const probe = temporaryName(path.join(folder, '.write-check'));
    await writeNewPlain(probe, '');
    await rm(probe, { force: true });
    return { folder, problem: null, fix: null };
  } catch (error) {
    if (error instanceof NotPlainError)
      return {
        folder,
        problem: `${error.file} is ${error.what}, where this tool writes only into a real folder`,
        fix: 'Move it away, or name a real folder in TCP_PORT_TUNER_DATA_DIR.',
      };
    return { folder, ...explainDataFolder(folder, error as NodeJS.ErrnoException) };
  }
}
