import type { HistoryEntry } from '../../../shared/contract';
import type { KindId } from '../../../shared/kinds';
import { checkAgainstBackups } from './backup-check';
import type { ChangeEngine, States } from './change-engine';
import type { JournalData, PendingOperation } from './journal';
import type { KindStates } from './kind-states';
import { finishedRecord, rolledBackRecord, settledRecord } from './records';
import { differingParts, overlayParts, type AnyKind, type PartDifference } from './setting-kind';

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
function sort(kind: AnyKind, prior: unknown, target: unknown, current: unknown, recorded: ReadonlySet<string>): Sorted {
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
    kept: [...hand, ...(kind.id === 'dynamicRange' ? unproven : [])],
    notOurs: kind.id === 'reservedPorts' ? unproven : [],
  };
}

/**
 * Settles an operation that a crash or power cut left half-done, part by part. When every
 * setting holds its target, it is finished. Otherwise each part a recorded step (or, for the
 * registry, the write) made is put back; a part someone changed by hand since is left, and the
 * baseline is kept for it, so undo still knows what this tool changed and `--force` puts it all
 * back. Nothing is written that the operation's own backup does not vouch for, and the history
 * entry shows the states found and left, so every write a settle makes is on record.
 */
export async function settleInterrupted(engine: ChangeEngine, record: JournalData): Promise<HistoryEntry> {
  const { journal, audit } = engine.deps;
  const pending = record.pending as PendingOperation;
  const what = `the ${pending.operation} interrupted at ${pending.startedAt}`;
  const prior = pending.prior as States;
  const target = pending.target as States;
  const current = await engine.capture(target);
  const kinds = engine.kindsIn(target);
  if (kinds.every((kind) => differingParts(kind, current[kind.id], target[kind.id]).length === 0)) {
    return engine.write(finishedRecord(record, engine.at(), await audit(), `Finished ${what}: it had written every part; settling wrote nothing.`));
  }
  const recorded = new Set((pending.steps ?? []).map((step) => `${step.kind}:${step.part}`));
  const byHand: Partial<Record<KindId, Set<string>>> = {};
  const keptSaid: string[] = [];
  const notOursSaid: string[] = [];
  const restores: { kind: AnyKind; state: unknown }[] = [];
  for (const kind of kinds) {
    const { written, kept, notOurs } = sort(kind, prior[kind.id], target[kind.id], current[kind.id], recorded);
    byHand[kind.id] = new Set(kept.map((part) => part.slot));
    keptSaid.push(...kept.map((part) => `${part.name} (now ${part.now}; this tool was setting ${part.was})`));
    notOursSaid.push(...notOurs.map((part) => `${part.name} is ${part.now}, but no step of this tool's made it so`));
    if (written.length > 0) restores.push({ kind, state: overlayParts(current[kind.id], prior[kind.id], written) });
  }
  if (restores.length > 0) {
    await checkAgainstBackups(pending.prior, [pending.backupFile], { stopped: `Settling ${what} stopped`, journalFile: journal.file });
    for (const { kind, state } of restores) await kind.restore(state, current[kind.id]);
  }
  const found = { ...current, ...Object.fromEntries(restores.map(({ kind, state }) => [kind.id, state])) } as KindStates;
  const seen = { before: current as KindStates, after: found };
  const leftAlone = notOursSaid.length > 0 ? ` Left alone as maybe an administrator's: ${notOursSaid.join(', ')}.` : '';
  const done = restores.length > 0 ? `Rolled back ${what}` : `Put nothing back after ${what}`;
  if (keptSaid.length === 0) {
    return engine.write(rolledBackRecord(record, 'recovered', `${done}.${leftAlone}`, engine.at(), await audit(), seen));
  }
  const except = restores.length > 0 ? ', except' : ': left as found';
  const note =
    `${done}${except} ${keptSaid.join(', ')}, changed since by hand or with no record of this tool setting it.${leftAlone} ` +
    "Undo (with --force) puts back the values from before this tool's first change.";
  return engine.write(settledRecord(record, byHand, note, engine.at(), await audit(), seen));
}
