import type { ApplyResult, Backup, HistoryEntry, Status, UndoResult } from '../../shared/contract';
import { effectiveValues } from '../../shared/in-force';
import { PARAMETERS_KEY, SETTING_NAMES, type PerSetting } from '../../shared/settings';
import type { ValueState } from '../../shared/registry-value';
import type { VerifiedBackup } from './backup/backup';
import type { Rights } from './host/elevation-check';
import { withChangeLock } from './change/change-lock';
import type { ChangeEngine } from './change/change-engine';
import { netshStates, reportStates } from './change/kind-states';
import type { ChangeRequest } from './change/setting-kind';
import { refuseUnprotected } from './change/unprotected-check';
import { messageOf, TunerError } from './errors';
import type { Journal, JournalData } from './change/journal';
import type { RegistryBackend } from './registry/backend';
import { valueStatesOf } from './registry/snapshot';
import { registryChanges, reportOf, takesEffect, undoOf } from './tuner-reports';

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
export class TunerService {
  private queue: Promise<unknown> = Promise.resolve();
  /** The one owner of the backup folder: the default until the user picks another. */
  private backupDir: string;
  /** The last backup made on request, for apply to use while the key still matches it. */
  private recentBackup: VerifiedBackup | undefined;

  constructor(private readonly deps: TunerDeps) {
    this.backupDir = deps.defaultBackupDir;
  }

  async status(): Promise<Status> {
    const { backend, journal, dataDir } = this.deps;
    const { windows: readWindows, rights: readRights, warnings: readWarnings } = this.deps;
    const [values, windows, rights, record, warnings] = await Promise.all([backend.readValues(), readWindows(), readRights(), journal.read(), readWarnings?.() ?? []]);
    const drift = await this.driftFrom(record, values);
    return {
      key: PARAMETERS_KEY,
      values,
      windows,
      canWrite: rights.canWrite,
      rightsNotRead: rights.notRead,
      backend: backend.name,
      restartPending: this.restartPending(record, values),
      ...drift,
      warnings,
      undo: undoOf(record),
      history: record.history,
      dataDir,
      backupDir: this.backupDir,
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
    return this.exclusive(async () => {
      // The default backup folder is inside the data folder: secure it before writing there.
      if ((await this.deps.rights()).canWrite) await this.deps.secureDataDir();
      this.recentBackup = await this.deps.makeBackup(this.backupDir);
      return reportOf(this.recentBackup);
    });
  }

  /** Takes numbers already validated at the boundary (the contract, or the CLI's parser). */
  apply(request: ChangeRequest): Promise<ApplyResult> {
    return this.changing(async () => {
      await refuseUnprotected(request, this.deps.engine);
      const { backup, reused, readBack, restart } = await this.deps.engine.apply(request, this.backupDir, this.recentBackup);
      this.recentBackup = undefined;
      const registry = (readBack.registry as PerSetting<ValueState> | undefined) ?? backup.values;
      return { backup: reportOf(backup), backupReused: reused, readBack: { ...registry, ...netshStates(readBack) }, takesEffect: takesEffect(restart) };
    });
  }

  undo(options: { force: boolean }): Promise<UndoResult> {
    return this.changing(async () => {
      const undone = await this.deps.engine.undo(options.force, this.backupDir, this.restartedSince(await this.deps.journal.read()));
      if (!undone) return { status: 'nothing-to-undo' } as const;
      return { status: 'undone', restored: reportStates(undone.restored), backupFile: undone.backup.file, takesEffect: takesEffect(undone.restart) } as const;
    });
  }

  /** Settles an operation a crash left half-done (see ChangeEngine.settle); null when there was none. */
  async settleInterrupted(): Promise<HistoryEntry | null> {
    if (!(await this.deps.journal.read()).pending) return null;
    return this.exclusive(() =>
      withChangeLock(this.deps.dataDir, async () => {
        const record = await this.deps.journal.read();
        if (!record.pending) return null;
        const what = `The ${record.pending.operation} interrupted at ${record.pending.startedAt}`;
        await this.requireWrite(`${what} must be settled first. `);
        return this.deps.engine.settle(record);
      }),
    );
  }

  /** Every kind this tool last wrote, against what it reads now: the registry from the values just read, the rest from netsh. */
  private async driftFrom(record: JournalData, values: PerSetting<ValueState>): Promise<Pick<Status, 'outsideChanges' | 'notRead' | 'rangeReshape'>> {
    const written = record.lastWritten;
    if (!written) return { outsideChanges: [], notRead: [], rangeReshape: null };
    const { engine } = this.deps;
    const current: Record<string, unknown> = {};
    const notRead: Status['notRead'] = [];
    for (const kind of engine.kindsIn(written)) {
      if (kind.inBackup) continue;
      current[kind.id] = await engine.read(kind, written[kind.id]).catch((error: unknown) => {
        notRead.push({ kind: kind.id, reason: messageOf(error) });
        return undefined;
      });
    }
    const { conflicts, reshape } = engine.drift(written, current, this.restartedSince(record), values);
    const outsideChanges = [
      ...registryChanges(valueStatesOf(written.registry), values),
      ...conflicts.map(({ kind, name, was, now }) => ({ kind, name, was, now })),
    ];
    return { outsideChanges, notRead, rangeReshape: reshape && { maxUserPort: reshape.maxUserPort, range: reshape.range, message: reshape.message } };
  }

  /** Windows started since this tool's last change: a change that waits for a restart is in force now. */
  private restartedSince(record: JournalData): boolean {
    return record.lastChangeAt !== null && Date.parse(record.lastChangeAt) < this.deps.bootTime();
  }

  /** A change Windows has not started with yet: the numbers it works with differ from those at the last start. */
  private restartPending(record: JournalData, values: PerSetting<ValueState>): boolean {
    const since = record.sinceBoot;
    if (!since || Date.parse(since.at) <= this.deps.bootTime()) return false;
    const atBoot = effectiveValues(valueStatesOf(since.registry));
    const now = effectiveValues(values);
    return SETTING_NAMES.some((name) => atBoot[name] !== now[name]);
  }

  private async requireWrite(context = ''): Promise<void> {
    const { canWrite, notRead } = await this.deps.rights();
    if (canWrite) return this.deps.secureDataDir();
    if (notRead) throw new TunerError('not-permitted', `${context}Could not tell whether this runs as administrator: ${notRead}. Nothing was changed.`);
    throw new TunerError('not-permitted', `${context}Changing ${PARAMETERS_KEY} needs administrator rights. Nothing was changed.`);
  }

  /** A change: one at a time in this process and across processes, and only with rights. */
  private changing<T>(work: () => Promise<T>): Promise<T> {
    return this.exclusive(() =>
      withChangeLock(this.deps.dataDir, async () => {
        await this.requireWrite();
        return work();
      }),
    );
  }

  /** One operation at a time in this process: a double click must not start two applies. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
