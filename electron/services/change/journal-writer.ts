import type { HistoryEntry } from '../../../shared/contract';
import { restoreFileOf } from '../backup/backup';
import { messageOf, TunerError } from '../errors';
import type { AnyKind, KindStates, StepDone } from './change-kind';
import type { Journal, JournalData, PendingOperation, Started } from './journal';
import type { KindOps } from './kind-ops';
import { leftChanged, putBackEach } from './put-back';
import { beginRecord, finishedRecord, rolledBackRecord, type Audit } from './records';

export interface WriterDeps {
  journal: Journal;
  audit: () => Promise<Audit>;
  /** When Windows last started, in ms since the epoch. */
  bootTime: () => number;
  now: () => Date;
}

/**
 * The journal's side of every operation: the intent before the first write, each netsh step as
 * it is made, the end, and the rollback after a failed step. Apply, undo and settle share it.
 */
export class JournalWriter {
  constructor(
    private readonly deps: WriterDeps,
    private readonly ops: KindOps,
  ) {}

  get file(): string {
    return this.deps.journal.file;
  }

  at(): string {
    return this.deps.now().toISOString();
  }

  audit(): Promise<Audit> {
    return this.deps.audit();
  }

  async begin(record: JournalData, pending: Omit<PendingOperation, 'startedAt'>): Promise<Started> {
    const started = beginRecord(record, pending, this.at(), this.deps.bootTime());
    try {
      await this.deps.journal.write(started.record);
    } catch (error) {
      throw new TunerError(
        'journal-failed',
        `Could not record the change in the change journal ${this.file} (${messageOf(error)}). Nothing was changed.`,
      );
    }
    return started;
  }

  /** Records each netsh step of the operation in the journal as it completes: what a settle may undo (settle.ts). */
  stepsOf({ record, pending }: Started, kind: AnyKind): StepDone {
    return async (step) => {
      pending.steps = [...(pending.steps ?? []), { kind: kind.id, ...step, at: this.at() }];
      await this.deps.journal.write(record).catch((error: unknown) => {
        throw new TunerError(
          'journal-failed',
          `Could not record a step of the ${pending.operation} (${step.part}) in the change journal ${this.file} (${messageOf(error)}).`,
        );
      });
    };
  }

  /** The kinds hold the change already, but a change the journal does not know is one undo could not find: it is put back. */
  async finishAfterWrite(started: Started, action: 'apply' | 'undo'): Promise<void> {
    try {
      await this.write(finishedRecord(started, this.at(), await this.audit()));
    } catch (error) {
      const cause = new TunerError(
        'journal-failed',
        `The ${action} was written and read back, but the change journal ${this.file} could not be updated (${messageOf(error)}).`,
      );
      throw await this.rollBack(started, cause);
    }
  }

  /** Puts every kind back after a failed step; returns the error to throw, saying how it ended. */
  async rollBack(started: Started, cause: unknown): Promise<TunerError> {
    const failure = cause instanceof TunerError ? cause : new TunerError('registry-failed', messageOf(cause));
    const prior: KindStates = started.pending.prior;
    const left = await putBackEach(this.ops, prior, restoreFileOf(started.pending.backupFile));
    if (left.length > 0) return leftChanged(this.ops, started, failure, left);
    // Everything is as it was; an intent this cannot clear is settled (to the same) at the next start.
    await this.write(rolledBackRecord(started, 'rollback', failure.message, this.at(), await this.audit())).catch(
      () => undefined,
    );
    const kinds = this.ops.in(prior);
    const what = kinds.length === 1 ? kinds[0].putBackSentence : 'Every setting was put back as it was.';
    return new TunerError(failure.kind, `${failure.message} ${what}`);
  }

  async write({ record, entry }: { record: JournalData; entry: HistoryEntry }): Promise<HistoryEntry> {
    await this.deps.journal.write(record);
    return entry;
  }
}
