import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApplyResult, Backup, HistoryEntry, Status, UndoResult } from '../../shared/contract';
import { describeValue, isDword } from '../../shared/registry-value';
import { PARAMETERS_KEY, SETTING_NAMES, type PerSetting } from '../../shared/settings';
import { validatePair } from '../../shared/validation';
import { createBackup, exportSnapshot } from './backup';
import { TunerError } from './errors';
import type { JournalData, Journal, PendingOperation } from './journal';
import type { RegistryBackend } from './registry/backend';
import { dwordPayload } from './registry/reg-file';
import { differingSettings, reportOf, reportsOf, restoreFileFor, type Snapshot } from './registry/snapshot';

export interface TunerDeps {
  backend: RegistryBackend;
  journal: Journal;
  canWrite: () => Promise<boolean>;
  /** Makes the data folder safe to keep the journal in; run once elevation is confirmed. */
  secureDataDir: () => Promise<void>;
  windows: () => Promise<Status['windows']>;
  dataDir: string;
  backupDir: string;
  /** When Windows last started, in ms since the epoch: changes after it await a restart. */
  bootTime: () => number;
  now?: () => Date;
}

/**
 * Everything the product does, in plain Node: the CLI, the Electron main process and the
 * browser preview all drive this one service.
 *
 * Every change runs: verified backup, intent in the journal, write, read back, done. A failure
 * after the first write puts both values back as they were and says so.
 */
export class TunerService {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  constructor(private readonly deps: TunerDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async status(): Promise<Status> {
    const { backend, journal, dataDir, backupDir } = this.deps;
    const [values, windows, canWrite, record] = await Promise.all([
      backend.readValues(),
      this.deps.windows(),
      this.deps.canWrite(),
      journal.read(),
    ]);
    return {
      key: PARAMETERS_KEY,
      values,
      windows,
      canWrite,
      backend: backend.name,
      restartPending: record.lastChangeAt !== null && Date.parse(record.lastChangeAt) > this.deps.bootTime(),
      undo:
        record.baseline && record.lastWritten ? { at: record.baseline.at, values: reportsOf(record.baseline.snapshot) } : null,
      history: record.history,
      dataDir,
      backupDir,
    };
  }

  history(): Promise<HistoryEntry[]> {
    return this.deps.journal.history();
  }

  backup(folder = this.deps.backupDir): Promise<Backup> {
    return this.exclusive(async () => {
      const { snapshot: _exact, ...backup } = await createBackup(this.deps.backend, folder, this.now());
      return backup;
    });
  }

  apply(request: { MaxUserPort: unknown; TcpTimedWaitDelay: unknown }, folder = this.deps.backupDir): Promise<ApplyResult> {
    return this.exclusive(async () => {
      const values = validRequest(request);
      await this.requireWrite();
      const record = await this.settled();
      const backup = await createBackup(this.deps.backend, folder, this.now());
      const target: Snapshot = {
        MaxUserPort: { present: true, payload: dwordPayload(values.MaxUserPort) },
        TcpTimedWaitDelay: { present: true, payload: dwordPayload(values.TcpTimedWaitDelay) },
      };
      const started = await this.begin(record, { operation: 'apply', prior: backup.snapshot, target, backupFile: backup.file });

      let readBack: ApplyResult['readBack'];
      try {
        // Both writes at once (one wait instead of two); a failure of either is acted on only
        // after both have finished, so the rollback never races a write still under way.
        const writes = await Promise.allSettled(SETTING_NAMES.map((name) => this.deps.backend.setDword(name, values[name])));
        const failed = writes.find((write) => write.status === 'rejected');
        if (failed) throw failed.reason;
        readBack = await this.deps.backend.readValues();
        const missed = SETTING_NAMES.filter((name) => !isDword(readBack[name], values[name]));
        if (missed.length > 0) {
          const seen = missed.map((name) => `${name} reads ${describeValue(readBack[name])}`).join(', ');
          throw new TunerError('registry-failed', `The values did not read back as written: ${seen}.`);
        }
      } catch (error) {
        throw await this.rollBack(started, error);
      }
      await this.finish(started, 'apply');
      const { snapshot: _exact, ...backupReport } = backup;
      return { backup: backupReport, readBack };
    });
  }

  undo(options: { force: boolean }, folder = this.deps.backupDir): Promise<UndoResult> {
    return this.exclusive(async () => {
      await this.requireWrite();
      const record = await this.settled();
      if (!record.baseline || !record.lastWritten) return { status: 'nothing-to-undo' } as const;

      const backup = await createBackup(this.deps.backend, folder, this.now());
      const changed = differingSettings(backup.snapshot, record.lastWritten);
      if (changed.length > 0 && !options.force) {
        const lastWritten = record.lastWritten;
        const said = changed.map(
          (name) =>
            `${name} is ${describeValue(reportOf(backup.snapshot[name]))} now, but this tool set it to ${describeValue(reportOf(lastWritten[name]))}`,
        );
        throw new TunerError(
          'undo-refused',
          `Undo stopped: someone changed the values since this tool did. ${said.join('; ')}. ` +
            'Nothing was changed. Undo anyway to put back the values from before the first change.',
        );
      }
      const baseline = record.baseline.snapshot;
      const started = await this.begin(record, { operation: 'undo', prior: backup.snapshot, target: baseline, backupFile: backup.file });
      try {
        await this.restore(baseline);
      } catch (error) {
        throw await this.rollBack(started, error);
      }
      await this.finish(started, 'undo');
      return { status: 'undone', restored: reportsOf(baseline), backupFile: backup.file } as const;
    });
  }

  /**
   * Settles an operation that a crash or power cut left half-done: finishes it when the
   * registry already holds its target, otherwise puts back the values from before it.
   */
  resolveInterrupted(): Promise<HistoryEntry | null> {
    return this.exclusive(async () => {
      const record = await this.deps.journal.read();
      if (!record.pending) return null;
      return this.settle(record);
    });
  }

  private async settled(): Promise<JournalData> {
    const record = await this.deps.journal.read();
    if (record.pending) await this.settle(record);
    return record.pending ? this.deps.journal.read() : record;
  }

  private async settle(record: JournalData): Promise<HistoryEntry> {
    const pending = record.pending as PendingOperation;
    await this.requireWrite(`An interrupted ${pending.operation} from ${pending.startedAt} must be settled first. `);
    const current = await exportSnapshot(this.deps.backend, this.scratchFile('check'));
    if (differingSettings(current, pending.target).length === 0) {
      return this.finish(record, pending.operation, `Finished the ${pending.operation} interrupted at ${pending.startedAt}.`);
    }
    await this.restore(pending.prior);
    return this.closeRolledBack(record, 'recovered', `Rolled back the ${pending.operation} interrupted at ${pending.startedAt}.`);
  }

  private async begin(record: JournalData, pending: Omit<PendingOperation, 'startedAt'>): Promise<JournalData> {
    const at = this.now().toISOString();
    const started: JournalData = {
      ...record,
      baseline: record.baseline ?? { snapshot: pending.prior, backupFile: pending.backupFile, at },
      pending: { ...pending, startedAt: at },
    };
    await this.deps.journal.write(started);
    return started;
  }

  private async finish(record: JournalData, action: 'apply' | 'undo', note?: string): Promise<HistoryEntry> {
    const pending = record.pending as PendingOperation;
    const at = this.now().toISOString();
    const entry: HistoryEntry = {
      at,
      action: note ? 'recovered' : action,
      before: reportsOf(pending.prior),
      after: reportsOf(pending.target),
      backupFile: pending.backupFile,
      ...(note ? { note } : {}),
    };
    const undone = pending.operation === 'undo';
    await this.deps.journal.write({
      ...record,
      baseline: undone ? null : record.baseline,
      lastWritten: undone ? null : pending.target,
      pending: null,
      lastChangeAt: at,
      history: [...record.history, entry],
    });
    return entry;
  }

  /** Puts both values back after a failed step; returns the error to throw, saying how it ended. */
  private async rollBack(record: JournalData, cause: unknown): Promise<TunerError> {
    const failure = cause instanceof TunerError ? cause : new TunerError('registry-failed', String(cause));
    const pending = record.pending as PendingOperation;
    try {
      const current = await exportSnapshot(this.deps.backend, this.scratchFile('check'));
      if (differingSettings(current, pending.prior).length > 0) await this.restore(pending.prior);
    } catch (restoreError) {
      const why = restoreError instanceof Error ? restoreError.message : String(restoreError);
      return new TunerError(
        'registry-failed',
        `${failure.message} Putting the values back failed too (${why}). ` +
          `The backup ${pending.backupFile} holds the previous state: import it with 'reg import' as administrator.`,
      );
    }
    await this.closeRolledBack(record, 'rollback', failure.message);
    return new TunerError(failure.kind, `${failure.message} Both values were put back as they were.`);
  }

  private async closeRolledBack(record: JournalData, action: 'rollback' | 'recovered', note: string): Promise<HistoryEntry> {
    const pending = record.pending as PendingOperation;
    const entry: HistoryEntry = {
      at: this.now().toISOString(),
      action,
      before: reportsOf(pending.prior),
      after: reportsOf(pending.prior),
      backupFile: pending.backupFile,
      note,
    };
    await this.deps.journal.write({
      ...record,
      // A first apply that never took leaves nothing to undo.
      baseline: record.lastWritten ? record.baseline : null,
      pending: null,
      history: [...record.history, entry],
    });
    return entry;
  }

  /** Writes a snapshot back with `reg import` and proves it took with a fresh export. */
  private async restore(snapshot: Snapshot): Promise<void> {
    const file = this.scratchFile('restore');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, restoreFileFor(snapshot));
    try {
      await this.deps.backend.importFile(file);
    } finally {
      await rm(file, { force: true });
    }
    const after = await exportSnapshot(this.deps.backend, this.scratchFile('verify'));
    const off = differingSettings(after, snapshot);
    if (off.length > 0) {
      throw new TunerError('registry-failed', `${off.join(' and ')} did not take the restored value.`);
    }
  }

  private async requireWrite(context = ''): Promise<void> {
    if (await this.deps.canWrite()) return this.deps.secureDataDir();
    throw new TunerError('not-permitted', `${context}Changing ${PARAMETERS_KEY} needs administrator rights. Nothing was changed.`);
  }

  /** Scratch files live in the machine-wide data folder, where only administrators may write. */
  private scratchFile(purpose: string): string {
    return path.join(this.deps.dataDir, 'scratch', `${purpose}-${process.pid}-${Date.now()}.reg`);
  }

  /** One change at a time: a double click must not start two applies. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function validRequest(request: PerSetting<unknown>): PerSetting<number> {
  const result = validatePair(request);
  if (!result.ok) throw new TunerError('invalid-input', `${result.messages.join(' ')} Nothing was changed.`);
  return result.values;
}
