import type { HistoryEntry } from '../../../shared/contract';
import type { BackendName } from '../registry/backend';
import type { JournalData, PendingOperation } from './journal';
import { reportStates, type KindStates } from './kind-states';

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
export function beginRecord(record: JournalData, pending: Omit<PendingOperation, 'startedAt'>, at: string, bootTime: number): JournalData {
  const sinceBoot = record.sinceBoot && Date.parse(record.sinceBoot.at) > bootTime ? record.sinceBoot : { at, registry: pending.prior.registry };
  return {
    ...record,
    baseline: record.baseline
      ? { ...record.baseline, states: mergeStates(pending.prior, record.baseline.states) }
      : { states: pending.prior, backupFile: pending.backupFile, at },
    pending: { ...pending, startedAt: at },
    sinceBoot,
  };
}

/**
 * Each kind's parts from `later` over those of `earlier`: a second change that reserves another
 * port adds it to what the first reserved instead of replacing it. Registry values and ranges
 * always hold every part, so for them the later state simply wins.
 */
function mergeStates(earlier: Partial<KindStates>, later: Partial<KindStates>): KindStates {
  const merged: Record<string, unknown> = { ...earlier };
  for (const [id, state] of Object.entries(later)) merged[id] = { ...(merged[id] as object | undefined), ...state };
  return merged as KindStates;
}

function entryOf(pending: PendingOperation, action: HistoryEntry['action'], after: KindStates, at: string, audit: Audit, note?: string): HistoryEntry {
  return {
    at,
    action,
    before: reportStates(pending.prior),
    after: reportStates(after),
    backupFile: pending.backupFile,
    ...(note ? { note } : {}),
    ...audit,
  };
}

/** The operation reached its target: an undo clears what there was to undo. */
export function finishedRecord(record: JournalData, at: string, audit: Audit, note?: string): { record: JournalData; entry: HistoryEntry } {
  const pending = record.pending as PendingOperation;
  const entry = entryOf(pending, note ? 'recovered' : pending.operation, pending.target, at, audit, note);
  const undone = pending.operation === 'undo';
  return {
    entry,
    record: {
      ...record,
      baseline: undone ? null : record.baseline,
      lastWritten: undone ? null : mergeStates(record.lastWritten ?? {}, pending.target),
      pending: null,
      lastChangeAt: at,
      history: [...record.history, entry],
    },
  };
}

/** The operation was put back (or, when `found` is given, left as found): the settings are not its target. */
export function rolledBackRecord(
  record: JournalData,
  action: 'rollback' | 'recovered',
  note: string,
  at: string,
  audit: Audit,
  found?: KindStates,
): { record: JournalData; entry: HistoryEntry } {
  const pending = record.pending as PendingOperation;
  const entry = entryOf(pending, action, found ?? pending.prior, at, audit, note);
  return {
    entry,
    record: {
      ...record,
      // A first apply that never took leaves nothing to undo.
      baseline: record.lastWritten ? record.baseline : null,
      pending: null,
      history: [...record.history, entry],
    },
  };
}
