import path from 'node:path';
import type { ProcessRunner } from '../process-runner';
import { canWriteFolder, type Target } from './target';

/**
 * Whether this process may change HKLM, found without writing anything. On Windows
 * `net session` succeeds only in an elevated process; a Wine prefix is writable when its
 * folder is.
 */
export function elevationCheck(target: Target, run: ProcessRunner): () => Promise<boolean> {
  let answer: Promise<boolean> | undefined;
  const check = async (): Promise<boolean> => {
    if (target.host === 'wine') return canWriteFolder(target.winePrefix ?? '');
    const result = await run(path.win32.join(target.system32 ?? '', 'net.exe'), ['session']).catch(() => null);
    return result?.code === 0;
  };
  // Elevation cannot change during the life of a process: ask once.
  return () => (answer ??= check());
}
