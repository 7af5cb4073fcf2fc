import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TunerError } from './errors';

/**
 * One change at a time across processes (the app and the command line): a lock file in the
 * data folder holding the owner's process id. A lock whose process has gone (a crash) is taken
 * over; the journal then settles what that process left half-done.
 */
export async function withChangeLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const file = path.join(dir, 'change.lock');
  await acquire(dir, file);
  try {
    return await work();
  } finally {
    await rm(file, { force: true });
  }
}

async function acquire(dir: string, file: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM') {
        throw new TunerError('not-permitted', `Changing the registry needs administrator rights (${dir} is theirs). Nothing was changed.`);
      }
      if (code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (isRunning(holder)) {
        throw new TunerError('busy', `Another TCP Port Tuner (process ${holder}) is changing the values. Nothing was changed; try again when it has finished.`);
      }
      await rm(file, { force: true });
    }
  }
  throw new TunerError('busy', `Could not take the lock ${file}. Nothing was changed; try again.`);
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
