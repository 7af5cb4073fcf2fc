import { PARAMETERS_KEY } from '../../../shared/settings';
import { TunerError } from '../errors';
import type { Rights } from '../host/elevation-check';
import { blockedFolder } from './blocked-folder';
import { withChangeLock } from './change-lock';

/** Where the change lock lives, and whether this process may change the machine. */
interface GateDeps {
  dataDir: string;
  rights: () => Promise<Rights>;
  /** Makes the data folder safe to keep the journal in; run once elevation is confirmed. */
  secureDataDir: () => Promise<void>;
}

/**
 * The way into a change: one operation at a time in this process, one change at a time across
 * processes (the change lock in the data folder), and only once rights are confirmed. The
 * change service passes every change through one gate.
 */
export class ChangeGate {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: GateDeps) {}

  /** One operation at a time in this process: a double click must not start two applies. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** One at a time in this process and holding the change lock; rights are the caller's to require. */
  locked<T>(work: () => Promise<T>): Promise<T> {
    return this.exclusive(() => withChangeLock(this.deps.dataDir, work));
  }

  /**
   * A change: one at a time in this process and across processes, and only with rights. A lock
   * the data folder refuses to an administrator is the folder's fault (blocked-folder.ts);
   * `manual` gives an undo's steps to do by hand.
   */
  changing<T>(work: () => Promise<T>, manual?: () => Promise<string[]>): Promise<T> {
    return this.exclusive(async () => {
      let locked = false;
      try {
        return await withChangeLock(this.deps.dataDir, async () => {
          locked = true;
          await this.requireWrite();
          return work();
        });
      } catch (error) {
        // The lock is the first write in the data folder: a folder that refuses writes fails there.
        const folderRefused =
          !locked && error instanceof TunerError && (error.kind === 'not-permitted' || error.kind === 'write-failed');
        if (!folderRefused || !(await this.deps.rights()).canWrite) throw error;
        throw blockedFolder(error, manual ? await manual().catch(() => null) : null);
      }
    });
  }

  /** Rights confirmed and the data folder secured; otherwise not-permitted, saying whether rights are missing or could not be read. */
  async requireWrite(context = ''): Promise<void> {
    const { canWrite, notRead } = await this.deps.rights();
    if (canWrite) return this.deps.secureDataDir();
    if (notRead)
      throw new TunerError(
        'not-permitted',
        `${context}Could not tell whether this runs as administrator: ${notRead}. Nothing was changed.`,
      );
    throw new TunerError(
      'not-permitted',
      `${context}Changing ${PARAMETERS_KEY} needs administrator rights. Nothing was changed.`,
    );
  }
}
