import type { HistoryEntry } from '../../../shared/contract';
import { checkAgainstBackups } from './backup-check';
import {
  differingParts,
  type ChangeKind,
  type KindId,
  type PartDifference,
  type SomeStates,
  type StateOf,
} from './change-kind';
import type { Started } from './journal';
import type { JournalWriter } from './journal-writer';
import { differs, put, type KindOps } from './kind-ops';
import { overlayParts } from './slots';
import { finishedRecord, rolledBackRecord, settledRecord } from './records';

/** How settling sorted one kind's parts: put back, kept for undo, or left alone as not this tool's. */
interface Sorted {
  written: PartDifference[];
  /** Changed since (by hand), or reading as the target with no record of this tool setting it: kept for undo, which asks first. */
  kept: PartDifference[];
  /** Exclusions reading as the target that no step recorded: maybe an admin's, so neither removed nor kept. */
  notOurs: PartDifference[];
}

/**
 * A part reads as the target: a netsh part is this tool's doing only if a step recorded it
 * (an admin may have reserved 3306 by hand after the tool was killed before its reservations).
 * The registry's two values and the range are always the tool's to change, so an unrecorded
 * range is kept for undo; an unrecorded exclusion is nobody's to remove.
 */
function sort<K extends KindId>(
  kind: ChangeKind<K>,
  [prior, target, current]: StateOf<K>[],
  recorded: ReadonlySet<string>,
): Sorted {
  // Only the parts this operation meant to change are its own to settle.
  const meant = new Set(differingParts(kind, target, prior).map((part) => part.name));
  const offTarget = differingParts(kind, current, target).filter((part) => meant.has(part.name));
  const offPrior = differingParts(kind, current, prior).filter((part) => meant.has(part.name));
  const offPriorNames = new Set(offPrior.map((part) => part.name));
  const offTargetNames = new Set(offTarget.map((part) => part.name));
  const hand = offTarget.filter((part) => offPriorNames.has(part.name));
  const atTarget = offPrior.filter((part) => !offTargetNames.has(part.name));
  const proven = (part: PartDifference) => kind.inBackup || recorded.has(`${kind.id}:${part.name}`);
  const unproven = atTarget.filter((part) => !proven(part));
  return {
    written: atTarget.filter(proven),
    kept: [...hand, ...(kind.unrecorded === 'ours' ? unproven : [])],
    notOurs: kind.unrecorded === 'ours' ? [] : unproven,
  };
}

/**
 * Settles an operation that a crash or power cut left half-done, part by part. When every
 * kind holds its target, it is finished. Otherwise each part a recorded step (or, for the
 * registry, the write) made is put back; a part someone changed by hand since is left, and the
 * baseline is kept for it, so undo still knows what this tool changed and `--force` puts it all
 * back. Nothing is written that the operation's own backup does not vouch for, and the history
 * entry shows the states found and left, so every write a settle makes is on record.
 */
export async function settleInterrupted(ops: KindOps, writer: JournalWriter, started: Started): Promise<HistoryEntry> {
  const { pending } = started;
  const what = `the ${pending.operation} interrupted at ${pending.startedAt}`;
  const { prior, target } = pending;
  const current: SomeStates = await ops.capture(target, {});
  const kinds = ops.in(target);
  if (kinds.every((kind) => !differs(kind, current, target))) {
    return writer.write(
      finishedRecord(
        started,
        writer.at(),
        await writer.audit(),
        `Finished ${what}: it had written every part; settling wrote nothing.`,
      ),
    );
  }
  const recorded = new Set((pending.steps ?? []).map((step) => `${step.kind}:${step.part}`));
  const byHand: Partial<Record<KindId, Set<string>>> = {};
  const keptSaid: string[] = [];
  const notOursSaid: string[] = [];
  const found: SomeStates = { ...current };
  const restores: (() => Promise<void>)[] = [];
  for (const kind of kinds) {
    const [was, goal, now] = [prior[kind.id], target[kind.id], current[kind.id]];
    if (was === undefined || goal === undefined || now === undefined) continue;
    const { written, kept, notOurs } = sort(kind, [was, goal, now], recorded);
    byHand[kind.id] = new Set(kept.map((part) => part.slot));
    keptSaid.push(...kept.map((part) => `${part.name} (now ${part.now}; this tool was setting ${part.was})`));
    notOursSaid.push(...notOurs.map((part) => `${part.name} is ${part.now}, but no step of this tool's made it so`));
    if (written.length === 0) continue;
    const state = overlayParts(now, was, written);
    put(found, kind, state);
    restores.push(() => kind.restore(state, now));
  }
  if (restores.length > 0) {
    await checkAgainstBackups(ops, prior, [pending.backupFile], {
      stopped: `Settling ${what} stopped`,
      journalFile: writer.file,
    });
    for (const restore of restores) await restore();
  }
  const seen = {
    before: { ...current, registry: current.registry ?? prior.registry },
    after: { ...found, registry: found.registry ?? prior.registry },
  };
  const leftAlone = notOursSaid.length > 0 ? ` Left alone as maybe an administrator's: ${notOursSaid.join(', ')}.` : '';
  const done = restores.length > 0 ? `Rolled back ${what}` : `Put nothing back after ${what}`;
  if (keptSaid.length === 0) {
    return writer.write(
      rolledBackRecord(started, 'recovered', `${done}.${leftAlone}`, writer.at(), await writer.audit(), seen),
    );
  }
  const except = restores.length > 0 ? ', except' : ': left as found';
  const note =
    `${done}${except} ${keptSaid.join(', ')}, changed since by hand or with no record of this tool setting it.${leftAlone} ` +
    "Undo (with --force) puts back the values from before this tool's first change.";
  return writer.write(settledRecord(started, byHand, note, writer.at(), await writer.audit(), seen));
}
