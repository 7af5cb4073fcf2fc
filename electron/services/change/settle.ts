import type { HistoryEntry } from '../../../shared/contract';
import type { KindId } from '../../../shared/kinds';
import { checkAgainstBackups } from './backup-check';
import type { ChangeEngine, States } from './change-engine';
import type { JournalData, PendingOperation } from './journal';
import type { KindStates } from './kind-states';
import { finishedRecord, rolledBackRecord, settledRecord } from './records';
import { differingParts, overlay } from './setting-kind';

/**
 * Settles an operation that a crash or power cut left half-done, part by part. When every
 * setting holds its target, it is finished. Otherwise each part it meant to change is put back
 * where it still reads as the tool wrote it; a part someone changed by hand since is left, and
 * the baseline is kept for it, so undo still knows what this tool changed and `--force` puts it
 * all back. Nothing is written that the operation's own backup does not vouch for.
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
    return engine.write(finishedRecord(record, engine.at(), await audit(), `Finished ${what}.`));
  }
  const byHand: Partial<Record<KindId, Set<string>>> = {};
  const handSaid: string[] = [];
  const restores: { kind: (typeof kinds)[number]; state: unknown }[] = [];
  for (const kind of kinds) {
    // Only the parts this operation meant to change are its own to settle.
    const meant = new Set(differingParts(kind, target[kind.id], prior[kind.id]).map((part) => part.name));
    const offTarget = differingParts(kind, current[kind.id], target[kind.id]).filter((part) => meant.has(part.name));
    const offPrior = new Set(differingParts(kind, current[kind.id], prior[kind.id]).map((part) => part.name));
    const hand = offTarget.filter((part) => offPrior.has(part.name));
    byHand[kind.id] = new Set(hand.map((part) => part.slot));
    handSaid.push(...hand.map((part) => `${part.name} (now ${part.now}; this tool was setting ${part.was})`));
    const written = differingParts(kind, current[kind.id], prior[kind.id]).filter((part) => meant.has(part.name) && !byHand[kind.id]?.has(part.slot));
    if (written.length > 0) restores.push({ kind, state: overlay(current[kind.id], prior[kind.id], new Set(written.map((part) => part.slot))) });
  }
  if (restores.length > 0) {
    await checkAgainstBackups(pending.prior, [pending.backupFile], { stopped: `Settling ${what} stopped`, journalFile: journal.file });
    for (const { kind, state } of restores) await kind.restore(state, current[kind.id]);
  }
  const found = { ...current, ...Object.fromEntries(restores.map(({ kind, state }) => [kind.id, state])) } as KindStates;
  if (handSaid.length === 0) {
    return engine.write(rolledBackRecord(record, 'recovered', `Rolled back ${what}.`, engine.at(), await audit()));
  }
  const done = restores.length > 0 ? `Rolled back ${what}, except` : `Left the values as found after ${what}: someone changed`;
  const note = `${done} ${handSaid.join(', ')}${restores.length > 0 ? ', changed by hand since' : ' since'}. Undo (with --force) puts back the values from before this tool's first change.`;
  return engine.write(settledRecord(record, byHand, note, engine.at(), await audit(), found));
}
