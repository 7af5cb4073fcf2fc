import { lstat, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { errnoOf, messageOf, TunerError } from '../errors';

const REASONS: Record<string, string> = {
  ENOTDIR: 'part of the path is a file, not a folder',
  ENOENT: 'the folder does not exist',
  EEXIST: 'a file of that name is in the way',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
};

/** A file-system failure in words a user can act on. */
export function fileSystemReason(error: unknown): string {
  const code = errnoOf(error);
  return (code && REASONS[code]) ?? messageOf(error);
}

function refuse(folder: string, why: string): TunerError {
  return new TunerError('write-failed', `Cannot use the backup folder ${folder}: ${why}. Nothing was changed.`);
}

/**
 * Makes sure backups can be written to `folder`, creating it if need be. Inside the data folder
 * no part of the path may be a link or junction: there, a planted link could send the elevated
 * tool's backups (and the files it later imports) somewhere else.
 */
export async function prepareBackupFolder(folder: string, dataDir: string): Promise<void> {
  const inside = path.relative(dataDir, folder);
  if (!inside.startsWith('..') && !path.isAbsolute(inside)) {
    let part = dataDir;
    for (const name of ['', ...inside.split(path.sep).filter(Boolean)]) {
      part = path.join(part, name);
      const found = await lstat(part).catch(() => null);
      if (found?.isSymbolicLink()) {
        throw refuse(folder, `${part} is a link or junction, and backups in the data folder go only to a real folder`);
      }
    }
  }
  const link = await lstat(folder).catch(() => null);
  if (link?.isSymbolicLink() && !(await stat(folder).catch(() => null))) {
    throw refuse(folder, 'it is a link to a folder that does not exist');
  }
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw refuse(folder, fileSystemReason(error));
  }
  if (!(await stat(folder)).isDirectory()) throw refuse(folder, 'it is a file, not a folder');
}

/** A failure's reason as a DBA reads it: the tool's own message, or what the file system said. */
export function errorReason(error: unknown): string {
  return error instanceof TunerError ? error.message : fileSystemReason(error);
}
