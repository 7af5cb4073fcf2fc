import path from 'node:path';
import type { ProcessRunner } from './process-runner';
import { canWriteFolder, type Target } from './target';

/** Mandatory integrity levels of an elevated token: High, and System. */
const ELEVATED_LEVELS = ['S-1-16-12288', 'S-1-16-16384'];

/**
 * Whether this process may change HKLM, found without writing anything. On Windows the token's
 * integrity level says so (`net session` would need the Server service, often off on hardened
 * hosts); a Wine prefix is writable when its folder is.
 */
export function elevationCheck(target: Target, run: ProcessRunner): () => Promise<boolean> {
  let answer: Promise<boolean> | undefined;
  const check = async (): Promise<boolean> => {
    if (target.host === 'wine') return canWriteFolder(target.winePrefix ?? '');
    const result = await run(path.win32.join(target.system32 ?? '', 'whoami.exe'), ['/groups', '/fo', 'csv', '/nh']).catch(() => null);
    return result?.code === 0 && ELEVATED_LEVELS.some((sid) => result.stdout.includes(`"${sid}"`));
  };
  // Elevation cannot change during the life of a process: ask once.
  return () => (answer ??= check());
}
