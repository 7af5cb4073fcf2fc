import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApplyResult, Backup, HistoryEntry, Status, UndoResult } from '../../shared/contract';
import { describeValue, isDword } from '../../shared/registry-value';
import { PARAMETERS_KEY, SETTING_NAMES, type PerSetting } from '../../shared/settings';
import { validatePair } from '../../shared/validation';
import { createBackup, exportSnapshot, restoreFileOf } from './backup';
import { TunerError } from './errors';
import type { JournalData, Journal, PendingOperation } from './journal';
import type { RegistryBackend } from './registry/backend';
import { dwordPayload } from './registry/reg-file';
import { differingSettings, reportOf, reportsOf, restoreFileFor, sameValue, type Snapshot } from './registry/snapshot';
import { withChangeLock } from './change-lock';

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
      // The default backup folder is inside the data folder: secure it before writing there.
      if (await this.deps.canWrite()) await this.deps.secureDataDir();
      const { snapshot: _exact, ...backup } = await createBackup(this.deps.backend, folder, this.now());
      return backup;
    });
  }

  async apply(request: { MaxUserPort: unknown; TcpTimedWaitDelay: unknown }, folder = this.deps.backupDir): Promise<ApplyResult> {
    // Bad input touches nothing, not even the lock file.
    const values = validRequest(request);
    return this.changing(async () => {
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
      await this.finishAfterWrite(started, 'apply');
      const { snapshot: _exact, ...backupReport } = backup;
      return { backup: backupReport, readBack };
    });
  }

  undo(options: { force: boolean }, folder = this.deps.backupDir): Promise<UndoResult> {
    return this.changing(async () => {
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
      await this.finishAfterWrite(started, 'undo');
      return { status: 'undone', restored: reportsOf(baseline), backupFile: backup.file } as const;
    });
  }

  /**
   * Settles an operation that a crash or power cut left half-done: finishes it when the
   * registry already holds its target, puts back the values from before it when each value is
   * either of those, and otherwise leaves the values as found (someone changed them since).
   */
  async resolveInterrupted(): Promise<HistoryEntry | null> {
    if (!(await this.deps.journal.read()).pending) return null;
    return this.changing(async () => {
      const record = await this.deps.journal.read();
      return record.pending ? this.settle(record) : null;
    });
  }

  private async settled(): Promise<JournalData> {
    const record = await this.deps.journal.read();
    if (!record.pending) return record;
    await this.settle(record);
    return this.deps.journal.read();
  }

  private async settle(record: JournalData): Promise<HistoryEntry> {
    const pending = record.pending as PendingOperation;
    const what = `the ${pending.operation} interrupted at ${pending.startedAt}`;
    await this.requireWrite(`${what[0].toUpperCase()}${what.slice(1)} must be settled first. `);
    const current = await exportSnapshot(this.deps.backend, this.scratchFile('check'));
    if (differingSettings(current, pending.target).length === 0) {
      return this.finish(record, pending.operation, `Finished ${what}.`);
    }
    const known = SETTING_NAMES.every((name) => sameValue(current[name], pending.prior[name]) || sameValue(current[name], pending.target[name]));
    if (!known) {
      return this.closeRolledBack(record, 'recovered', `Left the values as found after ${what}: someone changed them since.`, current);
    }
    await this.restore(pending.prior);
    return this.closeRolledBack(record, 'recovered', `Rolled back ${what}.`);
  }

  private async begin(record: JournalData, pending: Omit<PendingOperation, 'startedAt'>): Promise<JournalData> {
    const at = this.now().toISOString();
    const started: JournalData = {
      ...record,
      baseline: record.baseline ?? { snapshot: pending.prior, backupFile: pending.backupFile, at },
      pending: { ...pending, startedAt: at },
    };
    try {
      await this.deps.journal.write(started);
    } catch (error) {
      throw new TunerError('unexpected', `Could not record the change in ${this.deps.journal.file} (${messageOf(error)}). Nothing was changed.`);
    }
    return started;
  }

  /** The registry holds the change already: a journal that cannot be updated must not hide that. */
  private async finishAfterWrite(record: JournalData, action: 'apply' | 'undo'): Promise<void> {
    try {
      await this.finish(record, action);
    } catch (error) {
      throw new TunerError(
        'unexpected',
        `The ${action} was written and read back, but ${this.deps.journal.file} could not be updated (${messageOf(error)}). ` +
          'It is recorded at the next start.',
      );
    }
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
    const failure = cause instanceof TunerError ? cause : new TunerError('registry-failed', messageOf(cause));
    const pending = record.pending as PendingOperation;
    try {
      const current = await exportSnapshot(this.deps.backend, this.scratchFile('check'));
      if (differingSettings(current, pending.prior).length > 0) await this.restore(pending.prior);
    } catch (restoreError) {
      const why = messageOf(restoreError);
      return new TunerError(
        'restore-failed',
        `${failure.message} Putting the values back failed too (${why}). ` +
          `${restoreFileOf(pending.backupFile)} holds the previous values: import it with 'reg import' as administrator.`,
      );
    }
    // The registry is as it was; an intent this cannot clear is settled (to the same) at the next start.
    await this.closeRolledBack(record, 'rollback', failure.message).catch(() => undefined);
    return new TunerError(failure.kind, `${failure.message} Both values were put back as they were.`);
  }

  private async closeRolledBack(
    record: JournalData,
    action: 'rollback' | 'recovered',
    note: string,
    found?: Snapshot,
  ): Promise<HistoryEntry> {
    const pending = record.pending as PendingOperation;
    const entry: HistoryEntry = {
      at: this.now().toISOString(),
      action,
      before: reportsOf(pending.prior),
      after: reportsOf(found ?? pending.prior),
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

  /** A change to the registry: one at a time in this process and across processes. */
  private changing<T>(work: () => Promise<T>): Promise<T> {
    return this.exclusive(() => withChangeLock(this.deps.dataDir, work));
  }

  /** One operation at a time in this process: a double click must not start two applies. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function validRequest(request: PerSetting<unknown>): PerSetting<number> {
  const result = validatePair(request);
  if (!result.ok) throw new TunerError('invalid-input', `${result.messages.join(' ')} Nothing was changed.`);
  return result.values;
}
