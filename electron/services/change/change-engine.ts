import type { HistoryEntry } from '../../../shared/contract';
import { currentDigest, restoreFileOf, type VerifiedBackup } from '../backup/backup';
import { messageOf, TunerError } from '../errors';
import type { Journal, JournalData, PendingOperation } from './journal';
import type { RegistryBackend } from '../registry/backend';
import { checkBaselineAgainstBackup } from './baseline-check';
import type { KindStates } from './kind-states';
import { beginRecord, finishedRecord, rolledBackRecord, type Audit } from './records';
import { differingParts, type AnyKind, type ChangeRequest } from './setting-kind';

export interface EngineDeps {
  /** The registry kind first: every change backs up its key. */
  kinds: readonly AnyKind[];
  backend: RegistryBackend;
  journal: Journal;
  /** A verified backup of the key in `folder` (see backup.ts). */
  makeBackup: (folder: string) => Promise<VerifiedBackup>;
  audit: () => Promise<Audit>;
  /** When Windows last started, in ms since the epoch. */
  bootTime: () => number;
  now: () => Date;
  scratchFile: (purpose: string) => string;
}

type States = Record<string, unknown>;

/**
 * Every change, for every kind of setting: verified backup, intent in the journal, write, read
 * back, done. A failure after the first write puts every setting back as it was and says so.
 * Callers hold the change lock and have checked for rights.
 */
export class ChangeEngine {
  constructor(private readonly deps: EngineDeps) {}

  /** `recent` is a backup the user just made: used instead of a second one while the key still matches it exactly. */
  async apply(request: ChangeRequest, folder: string, recent?: VerifiedBackup): Promise<{ backup: VerifiedBackup; reused: boolean; readBack: States }> {
    const record = await this.settled();
    const wanted = this.deps.kinds.flatMap((kind) => {
      const part = kind.wantedFrom(request);
      return part === undefined ? [] : [{ kind, part }];
    });
    // Every other kind is read before the backup: one that cannot be read stops the change with nothing written.
    const prior: States = {};
    for (const { kind, part } of wanted) if (kind.id !== 'registry') prior[kind.id] = await kind.capture(part);
    const reused = recent !== undefined && (await currentDigest(this.deps.backend, this.deps.scratchFile('check'))) === recent.digest;
    const backup = reused ? recent : await this.deps.makeBackup(folder);
    prior.registry = backup.snapshot;
    const target: States = { ...prior };
    for (const { kind, part } of wanted) target[kind.id] = kind.targetOf(prior[kind.id], part);

    const started = await this.begin(record, { operation: 'apply', prior: prior as KindStates, target: target as KindStates, backupFile: backup.file });
    const readBack: States = {};
    try {
      for (const { kind, part } of wanted) readBack[kind.id] = await kind.write(part);
    } catch (error) {
      throw await this.rollBack(started, error);
    }
    await this.finishAfterWrite(started, 'apply');
    return { backup, reused, readBack };
  }

  async undo(force: boolean, folder: string): Promise<{ restored: KindStates; backup: VerifiedBackup } | null> {
    const record = await this.settled();
    if (!record.baseline || !record.lastWritten) return null;
    await checkBaselineAgainstBackup(record.baseline.states.registry, record.baseline.backupFile);
    const backup = await this.deps.makeBackup(folder);
    const baseline = record.baseline.states as States;
    const current = await this.capture(baseline, { registry: backup.snapshot });

    const lastWritten = record.lastWritten as States;
    const changed = this.kindsIn(lastWritten).flatMap((kind) => differingParts(kind, current[kind.id], lastWritten[kind.id]));
    if (changed.length > 0 && !force) {
      const said = changed.map((part) => `${part.name} is ${part.now} now, but this tool set it to ${part.was}`);
      throw new TunerError(
        'undo-refused',
        `Undo stopped: someone changed the values since this tool did. ${said.join('; ')}. ` +
          'Nothing was changed. Undo anyway to put back the values from before the first change.',
      );
    }
    const started = await this.begin(record, { operation: 'undo', prior: current as KindStates, target: record.baseline.states, backupFile: backup.file });
    try {
      await this.putBack(baseline, current);
    } catch (error) {
      throw await this.rollBack(started, error);
    }
    await this.finishAfterWrite(started, 'undo');
    return { restored: record.baseline.states, backup };
  }

  /**
   * Settles an operation that a crash or power cut left half-done: finishes it when every
   * setting already holds its target, puts back the states from before it when each part is
   * either of those, and otherwise leaves them as found (someone changed them since).
   */
  async settle(record: JournalData): Promise<HistoryEntry> {
    const pending = record.pending as PendingOperation;
    const what = `the ${pending.operation} interrupted at ${pending.startedAt}`;
    const prior = pending.prior as States;
    const target = pending.target as States;
    const current = await this.capture(target);
    const kinds = this.kindsIn(target);
    if (kinds.every((kind) => differingParts(kind, current[kind.id], target[kind.id]).length === 0)) {
      return this.write(finishedRecord(record, this.at(), await this.deps.audit(), `Finished ${what}.`));
    }
    const offBoth = kinds.some((kind) => {
      const fromPrior = new Set(differingParts(kind, current[kind.id], prior[kind.id]).map((part) => part.name));
      return differingParts(kind, current[kind.id], target[kind.id]).some((part) => fromPrior.has(part.name));
    });
    if (offBoth) {
      const note = `Left the values as found after ${what}: someone changed them since.`;
      return this.write(rolledBackRecord(record, 'recovered', note, this.at(), await this.deps.audit(), current as KindStates));
    }
    await this.putBack(prior, current);
    return this.write(rolledBackRecord(record, 'recovered', `Rolled back ${what}.`, this.at(), await this.deps.audit()));
  }

  async settled(): Promise<JournalData> {
    const record = await this.deps.journal.read();
    if (!record.pending) return record;
    await this.settle(record);
    return this.deps.journal.read();
  }

  private kindsIn(states: States): AnyKind[] {
    return this.deps.kinds.filter((kind) => states[kind.id] !== undefined);
  }

  /** The state now of every kind `like` holds, reusing what is already `known`. */
  private async capture(like: States, known: States = {}): Promise<States> {
    const current: States = { ...known };
    for (const kind of this.kindsIn(like)) current[kind.id] ??= await kind.capture(like[kind.id]);
    return current;
  }

  /** Restores each kind of `saved` that `current` differs from. */
  private async putBack(saved: States, current: States): Promise<void> {
    for (const kind of this.kindsIn(saved)) {
      if (differingParts(kind, current[kind.id], saved[kind.id]).length > 0) await kind.restore(saved[kind.id]);
    }
  }

  private async begin(record: JournalData, pending: Omit<PendingOperation, 'startedAt'>): Promise<JournalData> {
    const started = beginRecord(record, pending, this.at(), this.deps.bootTime());
    try {
      await this.deps.journal.write(started);
    } catch (error) {
      throw new TunerError('unexpected', `Could not record the change in ${this.deps.journal.file} (${messageOf(error)}). Nothing was changed.`);
    }
    return started;
  }

  /** The settings hold the change already: a journal that cannot be updated must not hide that. */
  private async finishAfterWrite(record: JournalData, action: 'apply' | 'undo'): Promise<void> {
    try {
      await this.write(finishedRecord(record, this.at(), await this.deps.audit()));
    } catch (error) {
      throw new TunerError(
        'unexpected',
        `The ${action} was written and read back, but ${this.deps.journal.file} could not be updated (${messageOf(error)}). ` +
          'It is recorded at the next start.',
      );
    }
  }

  /** Puts every setting back after a failed step; returns the error to throw, saying how it ended. */
  private async rollBack(record: JournalData, cause: unknown): Promise<TunerError> {
    const failure = cause instanceof TunerError ? cause : new TunerError('registry-failed', messageOf(cause));
    const pending = record.pending as PendingOperation;
    try {
      await this.putBack(pending.prior as States, await this.capture(pending.prior as States));
    } catch (restoreError) {
      return new TunerError(
        'restore-failed',
        `${failure.message} Putting the values back failed too (${messageOf(restoreError)}). ` +
          `${restoreFileOf(pending.backupFile)} holds the previous values: import it with 'reg import' as administrator.`,
      );
    }
    // Everything is as it was; an intent this cannot clear is settled (to the same) at the next start.
    await this.write(rolledBackRecord(record, 'rollback', failure.message, this.at(), await this.deps.audit())).catch(() => undefined);
    const what = Object.keys(pending.prior).length > 1 ? 'Every setting was put back as it was.' : 'Both values were put back as they were.';
    return new TunerError(failure.kind, `${failure.message} ${what}`);
  }

  private async write({ record, entry }: { record: JournalData; entry: HistoryEntry }): Promise<HistoryEntry> {
    await this.deps.journal.write(record);
    return entry;
  }

  private at(): string {
    return this.deps.now().toISOString();
  }
}
