import path from 'node:path';
import type { HistoryEntry } from '../../../shared/contract';
import type { ValueState } from '../../../shared/registry-value';
import type { PerSetting } from '../../../shared/settings';
import { currentDigest, recordNetshStates, type VerifiedBackup } from '../backup/backup';
import { TunerError } from '../errors';
import type { RegistryBackend } from '../registry/backend';
import { manualUndo } from './blocked-folder';
import type { AnyKind, ChangeRequest, KindStates, SomeStates, StepDone } from './change-kind';
import { driftOf, type Drift } from './drift';
import type { JournalData } from './journal';
import { JournalWriter, type WriterDeps } from './journal-writer';
import { put, KindOps } from './kind-ops';
import { settleInterrupted } from './settle';
import { statusReadings } from './status-readings';
import { undoChange, type Undone } from './undo';

export interface EngineDeps extends WriterDeps {
  /** The kinds it changes, in the order it writes them: the product's are registry, range, reservations (create-services.ts). */
  kinds: readonly AnyKind[];
  backend: RegistryBackend;
  /** A verified backup of the key in `folder` (see backup.ts). */
  makeBackup: (folder: string) => Promise<VerifiedBackup>;
  scratchFile: (purpose: string) => string;
}

export interface Applied {
  backup: VerifiedBackup;
  reused: boolean;
  /** The registry key and each kind written, as the read that ends each write proved them. */
  readBack: KindStates;
  restart: boolean;
}

/**
 * Every change, for every kind: verified backup, intent in the journal, write, read back,
 * done. A failure after the first write puts every kind back as it was and says so. Callers
 * hold the change lock and have checked for rights.
 */
export class ChangeEngine {
  private readonly ops: KindOps;
  private readonly writer: JournalWriter;

  constructor(private readonly deps: EngineDeps) {
    this.ops = new KindOps(deps.kinds);
    this.writer = new JournalWriter(deps, this.ops);
  }

  /**
   * `recent` is a backup the user just made: used instead of a second one while the key still matches it exactly, and only
   * when it is in `folder`, the one the journal may name (backup-check.ts).
   */
  async apply(request: ChangeRequest, folder: string, recent?: VerifiedBackup): Promise<Applied> {
    const record = await this.settled();
    const wanted = this.deps.kinds.flatMap((kind) => {
      const part = kind.wantedFrom(request);
      return part === undefined ? [] : [{ kind, part }];
    });
    // Kinds the backup does not hold are read (twice) before it: one that cannot be read stops the change with nothing written.
    const read: SomeStates = {};
    for (const { kind, part } of wanted) if (!kind.inBackup) put(read, kind, await this.ops.read(kind, part));
    await this.recordReshaped(wanted, read);
    const reused =
      recent !== undefined &&
      path.dirname(recent.file) === folder &&
      (await currentDigest(this.deps.backend, this.deps.scratchFile('check'))) === recent.digest;
    const backup = reused ? recent : await this.deps.makeBackup(folder);
    await recordNetshStates(backup, this.ops.notInBackup(read));
    const prior: KindStates = { ...read, registry: backup.snapshot };
    const target: KindStates = { ...prior };
    const writes = wanted.flatMap(({ kind, part }) => {
      const was = prior[kind.id];
      if (was === undefined) return [];
      const goal = kind.targetOf(was, part);
      put(target, kind, goal);
      return [{ kind, write: (done: StepDone) => kind.write(part, goal, was, done) }];
    });
    const readBack: KindStates = { registry: target.registry };

    const started = await this.writer.begin(record, { operation: 'apply', prior, target, backupFile: backup.file });
    try {
      for (const { kind, write } of writes) {
        await write(this.writer.stepsOf(started, kind));
        put(readBack, kind, target[kind.id]);
      }
    } catch (error) {
      throw await this.writer.rollBack(started, error);
    }
    await this.writer.finishAfterWrite(started, 'apply');
    return { backup, reused, readBack, restart: this.ops.needsRestart(prior, target) };
  }

  /** Undoes every change of this tool's (see undo.ts). */
  async undo(force: boolean, folder: string, restartedSince: boolean): Promise<Undone | null> {
    const context = { ops: this.ops, writer: this.writer, makeBackup: this.deps.makeBackup };
    return undoChange(context, await this.settled(), force, folder, restartedSince);
  }

  /** Settles an operation a crash or power cut left half-done (see settle.ts). */
  settle(record: JournalData): Promise<HistoryEntry> {
    const { pending } = record;
    if (!pending) throw new TunerError('unexpected', 'There is no interrupted change to settle.');
    return settleInterrupted(this.ops, this.writer, { record, pending });
  }

  /** The state now of every kind `like` holds, each read twice where the backup does not vouch for it. */
  capture(like: SomeStates): Promise<SomeStates> {
    return this.ops.capture(like, {});
  }

  /** What differs from this tool's last write now; the registry's reported values stand in for its exact state where given. */
  drift(
    lastWritten: KindStates,
    current: SomeStates,
    restartedSince: boolean,
    registryNow?: PerSetting<ValueState>,
  ): Drift {
    return driftOf(this.ops, lastWritten, current, restartedSince, registryNow);
  }

  /** What status says about this tool's own changes, reading and never writing (status-readings.ts). */
  status(
    record: JournalData,
    values: PerSetting<ValueState>,
    restartedSince: boolean,
  ): ReturnType<typeof statusReadings> {
    return statusReadings(this.ops, record, values, restartedSince);
  }

  /** The commands that undo this tool's changes by hand, for a data folder that refuses the journal (blocked-folder.ts). */
  manualUndo(record: JournalData): string[] {
    return manualUndo(this.ops, record);
  }

  /**
   * A kind a restart reshapes because of what this change writes (a kind's `atRestart`, see
   * registry-kind.ts) is recorded as it is, unchanged, for undo to put back. One netsh cannot
   * read is not recorded: undo then keeps every reservation it may cover (undo-goal.ts).
   */
  private async recordReshaped(wanted: readonly { kind: AnyKind; part: unknown }[], read: SomeStates): Promise<void> {
    for (const { kind, part } of wanted) {
      const reshaped = kind.atRestart?.reshapedBy(part) ? this.ops.find(kind.atRestart.reshapes) : undefined;
      if (!reshaped || read[reshaped.id] !== undefined) continue;
      await this.ops.read(reshaped, undefined).then(
        (state) => put(read, reshaped, state),
        (error: unknown) => {
          if (!(error instanceof TunerError)) throw error;
        },
      );
    }
  }

  private async settled(): Promise<JournalData> {
    const record = await this.deps.journal.read();
    if (!record.pending) return record;
    await this.settle(record);
    return this.deps.journal.read();
  }
}
