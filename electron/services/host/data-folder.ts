import path from 'node:path';
import { explainDataFolder } from '../diagnosis/data-folder-check';
import { errnoOf, TunerError } from '../errors';
import { plainFolder } from './safe-file';
import { whyNotRun, type ProcessRunner } from './process-runner';
import type { Target } from './target';

/**
 * The journal and the scratch `.reg` files in the data folder steer what this elevated tool
 * imports into HKLM, and any user may create folders under ProgramData. So before the first
 * change, the folder is made to belong to Administrators and SYSTEM, whoever made it: owner
 * set, explicit entries dropped, inheritance cut, only those two may write (users may read, so
 * status works unelevated). `/L` acts on links themselves, never on where a planted junction
 * points. A folder named by TCP_PORT_TUNER_DATA_DIR is left as its chooser set it.
 */
/** Administrators and SYSTEM: full control; Users: read. */
const GRANTS = ['*S-1-5-32-544:(OI)(CI)F', '*S-1-5-18:(OI)(CI)F', '*S-1-5-32-545:(OI)(CI)RX'];

export function dataFolderGuard(target: Target, run: ProcessRunner): () => Promise<void> {
  let secured: Promise<void> | undefined;
  const secure = async (): Promise<void> => {
    await plainFolder(target.dataDir).catch((error: NodeJS.ErrnoException) => {
      if (error instanceof TunerError) throw error;
      const { problem, fix } = explainDataFolder(target.dataDir, error);
      // Access denied is a matter of rights (exit 3); anything else is the file system's (exit 7).
      const denied = errnoOf(error) === 'EACCES' || errnoOf(error) === 'EPERM';
      throw new TunerError(
        denied ? 'not-permitted' : 'write-failed',
        `Cannot use the data folder ${target.dataDir}: ${problem}. Nothing was changed.`,
        undefined,
        fix,
      );
    });
    if (target.host !== 'windows' || target.dataDirChosen) return;
    const icacls = path.win32.join(target.system32 ?? '', 'icacls.exe');
    const steps = [
      [target.dataDir, '/setowner', '*S-1-5-32-544', '/T', '/C', '/L', '/Q'],
      [target.dataDir, '/reset', '/T', '/C', '/L', '/Q'],
      [target.dataDir, '/inheritance:r', '/grant:r', ...GRANTS, '/T', '/C', '/L', '/Q'],
    ];
    const refuse = (why: string) =>
      new TunerError(
        'not-permitted',
        `Could not make ${target.dataDir} writable by administrators only: ${why}. Nothing was changed.`,
      );
    for (const args of steps) {
      const result = await run(icacls, args).catch((error: unknown) => {
        throw refuse(whyNotRun(icacls, error));
      });
      if (result.code !== 0) throw refuse(`icacls exited with ${result.code}`);
    }
  };
  // Once per process (the folder cannot change hands while this elevated process holds it);
  // a failed attempt is tried again next time.
  return () =>
    (secured ??= secure().catch((error: unknown) => {
      secured = undefined;
      throw error;
    }));
}

/**
 * An empty or relative TCP_PORT_TUNER_DATA_DIR would put the journal in whatever folder the
 * elevated process was started in: refused (exit 7) before anything is read or written.
 */
export function checkDataFolderPath(target: Target): void {
  const isAbsolute = target.host === 'windows' ? path.win32.isAbsolute : path.isAbsolute;
  if (!isAbsolute(target.dataDir)) {
    const named = target.dataDir === '' ? 'is empty' : `is "${target.dataDir}", not a full path`;
    throw new TunerError(
      'write-failed',
      `TCP_PORT_TUNER_DATA_DIR ${named}: name the data folder by its full path, or leave the variable unset. Nothing was changed.`,
    );
  }
}

/** A folder named by TCP_PORT_TUNER_DATA_DIR keeps the permissions its chooser gave it: status says so. */
export function dataFolderWarnings(target: Target): string[] {
  if (!target.dataDirChosen) return [];
  return [
    `The data folder ${target.dataDir} was chosen with TCP_PORT_TUNER_DATA_DIR, so this tool leaves its permissions as they are: ` +
      'make sure only administrators can write there, since its journal steers what this tool writes.',
  ];
}
