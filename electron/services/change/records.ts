import type { HistoryEntry } from '../../../shared/contract';
import type { BackendName } from '../registry/backend';
import type { KindId, KindStates } from './change-kind';
import type { JournalData, PendingOperation, Started } from './journal';
import { reportStates } from './kind-states';
import { handChangedView, leftAfterUndo, mergeStates, within } from './saved-states';
import { idsOf } from './slots';

/** Who made a change, kept with every history entry. */
export interface Audit {
  /** The Windows account, as DOMAIN\name. */
  user: string;
  machine: string;
  version: string;
  /** The registry backend that did the work. */
  backend?: BackendName;
}

/**
 * The journal records of a change, as pure functions of the record before it: what the engine
 * writes at each step, testable without a registry.
 */

/** The intent, written before the first write. The baseline keeps each kind's state from before its first change. */
export function beginRecord(
  record: JournalData,
  intent: Omit<PendingOperation, 'startedAt'>,
  at: string,
  bootTime: number,
): Started {
  const sinceBoot =
    record.sinceBoot && Date.parse(record.sinceBoot.at) > bootTime
      ? record.sinceBoot
      : { at, registry: intent.prior.registry };
  const pending = { ...intent, startedAt: at };
  return { record: { ...record, baseline: mergedBaseline(record, intent, at), pending, sinceBoot }, pending };
}

function mergedBaseline(
  record: JournalData,
  pending: Omit<PendingOperation, 'startedAt'>,
  at: string,
): JournalData['baseline'] {
  const { baseline } = record;
  if (!baseline) return { states: pending.prior, backupFile: pending.backupFile, at };
  const states = mergeStates(pending.prior, baseline.states);
  // A part first seen now (another port, the range) is vouched for by this change's backup.
  const added = idsOf(states).some((id) =>
    Object.keys(states[id] ?? {}).some((slot) => !(slot in (baseline.states[id] ?? {}))),
  );
  const later = baseline.laterBackups ?? [];
  return added && !later.includes(pending.backupFile) && pending.backupFile !== baseline.backupFile
    ? { ...baseline, states, laterBackups: [...later, pending.backupFile] }
    : { ...baseline, states };
}

/** The states a settle found and left: its history entry shows its own writes, not the interrupted operation's plan. */
export interface Seen {
  before: KindStates;
  after: KindStates;
}

function entryOf(
  pending: PendingOperation,
  action: HistoryEntry['action'],
  after: KindStates,
  at: string,
  audit: Audit,
  note?: string,
  before = pending.prior,
): HistoryEntry {
  return {
    at,
    action,
    before: reportStates(before),
    after: reportStates(after),
    backupFile: pending.backupFile,
    ...(note ? { note } : {}),
    ...audit,
  };
}

/** The operation reached its target: an undo clears what there was to undo, but for what it had to leave. */
export function finishedRecord(
  { record, pending }: Started,
  at: string,
  audit: Audit,
  note?: string,
): { record: JournalData; entry: HistoryEntry } {
  const entry = entryOf(pending, note ? 'recovered' : pending.operation, pending.target, at, audit, note);
  const left =
    pending.operation === 'undo' && record.baseline ? leftAfterUndo(record.baseline.states, pending.target) : null;
  const baseline =
    record.baseline && left ? { ...record.baseline, states: within(record.baseline.states, left) } : null;
  const undone = pending.operation === 'undo';
  return {
    entry,
    record: {
      ...record,
      baseline: undone ? baseline : record.baseline,
      lastWritten: undone
        ? left && within(pending.target, left)
        : mergeStates(record.lastWritten ?? {}, pending.target),
      pending: null,
      lastChangeAt: at,
      history: [...record.history, entry],
    },
  };
}

/**
 * The operation was put back (`seen`: by a settle, from the states it found): the settings are not
 * its target. The baseline shrinks back to what earlier changes made it, so a failed change
 * leaves no part behind that this tool never set.
 */
export function rolledBackRecord(
  started: Started,
  action: 'rollback' | 'recovered',
  note: string,
  at: string,
  audit: Audit,
  seen?: Seen,
): { record: JournalData; entry: HistoryEntry } {
  return keptRecord(started, started.record.lastWritten, action, note, at, audit, seen, false);
}

/**
 * An interrupted change settled part by part: the parts still as this tool wrote them were put
 * back, and the `byHand` slots of each kind were changed by someone since. For those the
 * baseline stays, and they count as this tool's last write, so undo knows them and asks first.
 */
export function settledRecord(
  started: Started,
  byHand: Partial<Record<KindId, ReadonlySet<string>>>,
  note: string,
  at: string,
  audit: Audit,
  seen: Seen,
): { record: JournalData; entry: HistoryEntry } {
  const { record, pending } = started;
  const view = handChangedView(pending.prior, pending.target, byHand);
  const lastWritten = mergeStates(record.lastWritten ?? { registry: pending.prior.registry }, view);
  // The parts kept by hand are vouched for by this operation's backup.
  return keptRecord(started, lastWritten, 'recovered', note, at, audit, seen, true);
}

function keptRecord(
  { record, pending }: Started,
  lastWritten: KindStates | null,
  action: 'rollback' | 'recovered',
  note: string,
  at: string,
  audit: Audit,
  seen: Seen | undefined,
  keepBackup: boolean,
): { record: JournalData; entry: HistoryEntry } {
  const entry = entryOf(pending, action, seen?.after ?? pending.prior, at, audit, note, seen?.before);
  let baseline: JournalData['baseline'] = null;
  // A first apply that never took leaves nothing to undo.
  if (record.baseline && lastWritten) {
    const { laterBackups: all, ...kept } = record.baseline;
    const laterBackups = all?.filter((file) => keepBackup || file !== pending.backupFile) ?? [];
    baseline = {
      ...kept,
      states: within(kept.states, lastWritten),
      ...(laterBackups.length > 0 ? { laterBackups } : {}),
    };
  }
  return {
    entry,
    record: {
      ...record,
      baseline,
      lastWritten,
      pending: null,
      history: [...record.history, entry],
    },
  };
}
