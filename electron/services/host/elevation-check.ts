import path from 'node:path';
import { andSaid, whyNotRun, type ProcessRunner } from './process-runner';
import { canWriteFolder, type Target } from './target';

/** Mandatory integrity levels of an elevated token: High, and System. */
const ELEVATED_LEVELS = ['S-1-16-12288', 'S-1-16-16384'];
/** Every token has one mandatory label; an answer without one is not whoami's table. */
const ANY_LEVEL = /"S-1-16-\d+"/;

/** What this process's token allows, or why that could not be read (never taken as "no rights"). */
export interface Rights {
  canWrite: boolean;
  notRead: string | null;
}

/**
 * Whether this process may change HKLM, found without writing anything. On Windows the token's
 * integrity level says so (`net session` would need the Server service, often off on hardened
 * hosts); a Wine prefix is writable when its folder is.
 */
export function elevationCheck(target: Target, run: ProcessRunner): () => Promise<Rights> {
  const whoami = path.win32.join(target.system32 ?? '', 'whoami.exe');
  const read = async (): Promise<Rights> => {
    if (target.host === 'wine') return { canWrite: await canWriteFolder(target.winePrefix ?? ''), notRead: null };
    const result = await run(whoami, ['/groups', '/fo', 'csv', '/nh']).catch((error: unknown) =>
      whyNotRun(whoami, error),
    );
    if (typeof result === 'string') return { canWrite: false, notRead: result };
    if (result.code === 0 && ANY_LEVEL.test(result.stdout)) {
      return { canWrite: ELEVATED_LEVELS.some((sid) => result.stdout.includes(`"${sid}"`)), notRead: null };
    }
    return {
      canWrite: false,
      notRead: `${whoami} ended with exit ${result.code}${andSaid(result)}, naming no integrity level`,
    };
  };
  // Elevation cannot change during the life of a process: a read answer is kept. One that could
  // not be read is asked once more at once, and again at the next question.
  const check = async (): Promise<Rights> => {
    const first = await read();
    return first.notRead === null ? first : read();
  };
  let kept: Promise<Rights> | undefined;
  return () =>
    (kept ??= check().then((rights) => {
      if (rights.notRead !== null) kept = undefined;
      return rights;
    }));
}
