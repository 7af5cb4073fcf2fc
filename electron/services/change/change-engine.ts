import path from 'node:path';
import type { HistoryEntry } from '../../../shared/contract';
import { currentDigest, recordNetshStates, restoreFileOf, type VerifiedBackup } from '../backup/backup';
import { messageOf, TunerError } from '../errors';
import type { Journal, JournalData, PendingOperation, RecordedStep } from './journal';
import type { RegistryBackend } from '../registry/backend';
import { netshStates, type KindStates } from './kind-states';
import { beginRecord, finishedRecord, rolledBackRecord, type Audit } from './records';
import { leftChanged, putBackEach } from './put-back';
import { driftOf, type Drift } from './drift';
import type { ValueState } from '../../../shared/registry-value';
import type { PerSetting } from '../../../shared/settings';
import { differingParts, type AnyKind, type ChangeRequest, type StepDone } from './setting-kind';
import { settleInterrupted } from './settle';
import { undoChange, type Undone } from './undo';

export interface EngineDeps {
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

export type States = Record<string, unknown>;

/**
 * Every change, for every kind of setting: verified backup, intent in the journal, write, read
 * back, done. A failure after the first write puts every setting back as it was and says so.
 * Callers hold the change lock and have checked for rights.
 */
export class ChangeEngine {
  constructor(readonly deps: EngineDeps) {}

  /**
   * `recent` is a backup the user just made: used instead of a second one while the key still matches it exactly, and only
   * when it is in `folder`, the one the journal may name (backup-check.ts).
   */
  async apply(request: ChangeRequest, folder: string, recent?: VerifiedBackup): Promise<{ backup: VerifiedBackup; reused: boolean; readBack: States; restart: boolean }> {
    const record = await this.settled();
    const wanted = this.deps.kinds.flatMap((kind) => {
      const part = kind.wantedFrom(request);
      return part === undefined ? [] : [{ kind, part }];
    });
    // Kinds the backup does not hold are read (twice) before it: one that cannot be read stops the change with nothing written.
    const prior: States = {};
    for (const { kind, part } of wanted) if (!kind.inBackup) prior[kind.id] = await this.read(kind, part);
    await this.recordRangeFor(request, prior);
    const reused = recent !== undefined && path.dirname(recent.file) === folder && (await currentDigest(this.deps.backend, this.deps.scratchFile('check'))) === recent.digest;
    const backup = reused ? recent : await this.deps.makeBackup(folder);
    await recordNetshStates(backup, netshStates(prior));
    for (const kind of this.deps.kinds) if (kind.inBackup) prior[kind.id] = backup.snapshot;
    const target: States = { ...prior };
    for (const { kind, part } of wanted) target[kind.id] = kind.targetOf(prior[kind.id], part);

    const started = await this.begin(record, { operation: 'apply', prior: prior as KindStates, target: target as KindStates, backupFile: backup.file });
    const readBack: States = {};
    try {
      for (const { kind, part } of wanted) readBack[kind.id] = await kind.write(part, target[kind.id], prior[kind.id], this.stepsOf(started, kind));
    } catch (error) {
      throw await this.rollBack(started, error);
    }
    await this.finishAfterWrite(started, 'apply');
    return { backup, reused, readBack, restart: this.needsRestart(prior, target) };
  }

  /** Undoes every change of this tool's (see undo.ts). */
  undo(force: boolean, folder: string, restartedSince: boolean): Promise<Undone | null> {
    return undoChange(this, force, folder, restartedSince);
  }

  /** What differs from this tool's last write now; the registry's reported values stand in for its exact state where given. */
  drift(lastWritten: States, current: States, restartedSince: boolean, registryNow?: PerSetting<ValueState>): Drift {
    return driftOf(this.deps.kinds, lastWritten, current, restartedSince, registryNow);
  }

  /**
   * MaxUserPort reshapes the dynamic range at the next restart (drift.ts), so a change that sets
   * it records the range as it is, unchanged, for undo to put back. A range netsh cannot read
   * is not recorded: undo then keeps every reservation a range may cover (undo-goal.ts).
   */
  private async recordRangeFor(request: ChangeRequest, prior: States): Promise<void> {
    const range = this.deps.kinds.find((kind) => kind.id === 'dynamicRange');
    if (request.MaxUserPort === undefined || !range || prior[range.id] !== undefined) return;
    await this.read(range, undefined).then(
      (state) => (prior[range.id] = state),
      (error: unknown) => {
        if (!(error instanceof TunerError)) throw error;
      },
    );
  }

  /** Records each netsh step of `record`'s operation in the journal as it completes: what a settle may undo (settle.ts). */
  stepsOf(record: JournalData, kind: AnyKind): StepDone {
    return async (step) => {
      const pending = record.pending as PendingOperation;
      pending.steps = [...(pending.steps ?? []), { kind: kind.id as RecordedStep['kind'], ...step, at: this.at() }];
      await this.deps.journal.write(record).catch((error: unknown) => {
        throw new TunerError('journal-failed', `Could not record a step of the ${pending.operation} (${step.part}) in the change journal ${this.deps.journal.file} (${messageOf(error)}).`);
      });
    };
  }

  /** Settles an operation a crash or power cut left half-done (see settle.ts). */
  settle(record: JournalData): Promise<HistoryEntry> {
    return settleInterrupted(this, record);
  }

  async settled(): Promise<JournalData> {
    const record = await this.deps.journal.read();
    if (!record.pending) return record;
    await this.settle(record);
    return this.deps.journal.read();
  }

  /** Whether going from `from` to `to` changes a kind Windows reads only when it starts. */
  needsRestart(from: States, to: States): boolean {
    return this.kindsIn(to).some((kind) => kind.takesEffect === 'after a restart' && differingParts(kind, to[kind.id], from[kind.id]).length > 0);
  }

  kindsIn(states: States): AnyKind[] {
    return this.deps.kinds.filter((kind) => states[kind.id] !== undefined);
  }

  /** The state now of every kind `like` holds, reusing what is already `known`. */
  async capture(like: States, known: States = {}): Promise<States> {
    const current: States = { ...known };
    for (const kind of this.kindsIn(like)) current[kind.id] ??= await this.read(kind, like[kind.id]);
    return current;
  }

  /**
   * One kind's state now. netsh has answered nothing once where it held exclusions: a kind the
   * backup does not vouch for is read twice, and two answers that differ are "not read".
   */
  async read(kind: AnyKind, scope: unknown): Promise<unknown> {
    const first = await kind.capture(scope);
    if (kind.inBackup) return first;
    const second = await kind.capture(scope);
    const off = differingParts(kind, second, first);
    if (off.length > 0) {
      const said = off.map((part) => `${part.name} read as ${part.was}, then as ${part.now}`).join(', ');
      throw new TunerError('netsh-failed', `Could not read the settings reliably: netsh answered differently twice (${said}). Nothing was changed.`);
    }
    return first;
  }

  async begin(record: JournalData, pending: Omit<PendingOperation, 'startedAt'>): Promise<JournalData> {
    const started = beginRecord(record, pending, this.at(), this.deps.bootTime());
    try {
      await this.deps.journal.write(started);
    } catch (error) {
      throw new TunerError('journal-failed', `Could not record the change in the change journal ${this.deps.journal.file} (${messageOf(error)}). Nothing was changed.`);
    }
    return started;
  }

  /** The settings hold the change already, but a change the journal does not know is one undo could not find: it is put back. */
  async finishAfterWrite(record: JournalData, action: 'apply' | 'undo'): Promise<void> {
    try {
      await this.write(finishedRecord(record, this.at(), await this.deps.audit()));
    } catch (error) {
      const cause = new TunerError('journal-failed', `The ${action} was written and read back, but the change journal ${this.deps.journal.file} could not be updated (${messageOf(error)}).`);
      throw await this.rollBack(record, cause);
    }
  }

  /** Puts every setting back after a failed step; returns the error to throw, saying how it ended. */
  async rollBack(record: JournalData, cause: unknown): Promise<TunerError> {
    const failure = cause instanceof TunerError ? cause : new TunerError('registry-failed', messageOf(cause));
    const pending = record.pending as PendingOperation;
    const prior = pending.prior as States;
    const left = await putBackEach(this.deps.kinds, prior, (kind) => this.read(kind, prior[kind.id]), restoreFileOf(pending.backupFile));
    if (left.length > 0) return leftChanged(this.deps.kinds, record, failure, left);
    // Everything is as it was; an intent this cannot clear is settled (to the same) at the next start.
    await this.write(rolledBackRecord(record, 'rollback', failure.message, this.at(), await this.deps.audit())).catch(() => undefined);
    const kinds = this.kindsIn(prior);
    const what = kinds.length === 1 ? kinds[0].putBackSentence : 'Every setting was put back as it was.';
    return new TunerError(failure.kind, `${failure.message} ${what}`);
  }

  async write({ record, entry }: { record: JournalData; entry: HistoryEntry }): Promise<HistoryEntry> {
    await this.deps.journal.write(record);
    return entry;
  }

  at(): string {
    return this.deps.now().toISOString();
  }
}
