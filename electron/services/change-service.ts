import type { ApplyResult, Backup, HistoryEntry, StartupSettle, Status, UndoResult } from '../../shared/contract';
import { PARAMETERS_KEY } from '../../shared/settings';
import type { VerifiedBackup } from './backup/backup';
import type { Rights } from './host/elevation-check';
import { ChangeGate } from './change/change-gate';
import type { ChangeEngine } from './change/change-engine';
import { reportStates } from './change/kind-states';
import type { ChangeRequest } from './change/change-kind';
import { refuseUnprotected } from './change/unprotected-check';
import { toFailure } from './errors';
import type { Journal, JournalData } from './change/journal';
import type { RegistryBackend } from './registry/backend';
import { reportOf, restartPendingOf, takesEffect, undoOf } from './change-service-reports';

export interface TunerDeps {
  backend: RegistryBackend;
  journal: Journal;
  engine: ChangeEngine;
  makeBackup: (folder: string) => Promise<VerifiedBackup>;
  rights: () => Promise<Rights>;
  /** Makes the data folder safe to keep the journal in; run once elevation is confirmed. */
  secureDataDir: () => Promise<void>;
  windows: () => Promise<Status['windows']>;
  /** What status says about where the journal lives: a chosen data folder left unguarded, lock names this tool did not make. */
  warnings?: () => Promise<string[]>;
  dataDir: string;
  defaultBackupDir: string;
  /** When Windows last started, in ms since the epoch: changes after it await a restart. */
  bootTime: () => number;
  now: () => Date;
}

/**
 * What the product does, in plain Node: the CLI, the Electron main process and the browser
 * preview all drive this one service. Changes go through the engine, one at a time in this
 * process and across processes, and only once rights are confirmed.
 */
export class ChangeService {
  /** Every change and backup passes it: one at a time, here and across processes, and only with rights. */
  private readonly gate: ChangeGate;
  /** The one owner of the backup folder: the default until the user picks another. */
  private backupDir: string;
  /** The last backup made on request, for apply to use while the key still matches it. */
  private recentBackup: VerifiedBackup | undefined;
  /** What the wizard's start-up settle did, for the notice on its first page. */
  private startupSettle: StartupSettle | null = null;

  constructor(private readonly deps: TunerDeps) {
    this.backupDir = deps.defaultBackupDir;
    this.gate = new ChangeGate(deps);
  }

  async status(): Promise<Status> {
    const { backend, journal, dataDir } = this.deps;
    const { windows: readWindows, rights: readRights, warnings: readWarnings } = this.deps;
    const [values, windows, rights, record, warnings] = await Promise.all([
      backend.readValues(),
      readWindows(),
      readRights(),
      journal.read(),
      readWarnings?.() ?? [],
    ]);
    const readings = await this.deps.engine.status(record, values, this.restartedSince(record));
    return {
      key: PARAMETERS_KEY,
      values,
      windows,
      canWrite: rights.canWrite,
      rightsNotRead: rights.notRead,
      backend: backend.name,
      restartPending: restartPendingOf(record, values, this.deps.bootTime()),
      ...readings,
      settledAtStart: this.startupSettle,
      warnings,
      undo: undoOf(record),
      history: record.history,
      dataDir,
      backupDir: this.backupDir,
      changeBackupDir: this.deps.defaultBackupDir,
    };
  }

  /** What "Undo changes" would put back, from the journal alone (no registry or netsh read): for the CLI's `diagnose`. */
  async undoPlan(): Promise<Status['undo']> {
    return undoOf(await this.deps.journal.read());
  }

  history(): Promise<HistoryEntry[]> {
    return this.deps.journal.history();
  }

  /** Backups go to `folder` from now on: one picked in the main side's own dialog, or given to the CLI. */
  useBackupFolder(folder: string): void {
    this.backupDir = folder;
    this.recentBackup = undefined;
  }

  backup(): Promise<Backup> {
    return this.gate.exclusive(async () => {
      // The default backup folder is inside the data folder: secure it before writing there.
      if ((await this.deps.rights()).canWrite) await this.deps.secureDataDir();
      this.recentBackup = await this.deps.makeBackup(this.backupDir);
      return reportOf(this.recentBackup);
    });
  }

  /** Takes numbers already validated at the boundary (the contract, or the CLI's parser). */
  apply(request: ChangeRequest): Promise<ApplyResult> {
    return this.gate.changing(async () => {
      await refuseUnprotected(request, this.deps.engine);
      // The journal may name only backups in the data folder's own: one made in a folder the DBA picked stays theirs.
      const { backup, reused, readBack, restart } = await this.deps.engine.apply(
        request,
        this.deps.defaultBackupDir,
        this.recentBackup,
      );
      this.recentBackup = undefined;
      return {
        backup: reportOf(backup),
        backupReused: reused,
        readBack: reportStates(readBack),
        takesEffect: takesEffect(restart),
      };
    });
  }

  undo(options: { force: boolean }): Promise<UndoResult> {
    const manual = async () => this.deps.engine.manualUndo(await this.deps.journal.read());
    return this.gate.changing(async () => {
      const undone = await this.deps.engine.undo(
        options.force,
        this.deps.defaultBackupDir,
        this.restartedSince(await this.deps.journal.read()),
      );
      if (!undone) return { status: 'nothing-to-undo' } as const;
      const { before, now, baseline, stillChanged, backup, restart } = undone;
      const states = { before: reportStates(before), now: reportStates(now), baseline: reportStates(baseline) };
      return {
        status: 'undone',
        ...states,
        stillChanged,
        backupFile: backup.file,
        takesEffect: takesEffect(restart),
      } as const;
    }, manual);
  }

  /**
   * The wizard's start: settles a change a crash left half-done and keeps what that did (or why
   * it could not) for the notice on the first page. The failure is not thrown: the wizard opens
   * and shows it, and the next change settles first.
   */
  async settleForWizard(): Promise<StartupSettle | null> {
    try {
      const entry = await this.settleInterrupted();
      this.startupSettle = entry && { outcome: 'settled', message: entry.note ?? '', entry };
    } catch (error) {
      this.startupSettle = { outcome: 'failed', message: toFailure(error).message };
    }
    return this.startupSettle;
  }

  /** Settles an operation a crash left half-done (see ChangeEngine.settle); null when there was none. Only change commands and the wizard's start call it. */
  async settleInterrupted(): Promise<HistoryEntry | null> {
    if (!(await this.deps.journal.read()).pending) return null;
    return this.gate.locked(async () => {
      const record = await this.deps.journal.read();
      if (!record.pending) return null;
      const what = `The ${record.pending.operation} interrupted at ${record.pending.startedAt}`;
      await this.gate.requireWrite(`${what} must be settled first. `);
      return this.deps.engine.settle(record);
    });
  }

  /** Windows started since this tool's last change: a change that waits for a restart is in force now. */
  private restartedSince(record: JournalData): boolean {
    return record.lastChangeAt !== null && Date.parse(record.lastChangeAt) < this.deps.bootTime();
  }
}
