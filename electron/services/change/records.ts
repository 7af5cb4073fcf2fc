import { isDeepStrictEqual } from 'node:util';
import type { HistoryEntry } from '../../../shared/contract';
import type { BackendName } from '../registry/backend';
import type { KindId } from '../../../shared/kinds';
import type { JournalData, PendingOperation } from './journal';
import { reportStates, type KindStates } from './kind-states';
import { overlay } from './setting-kind';

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

type Slotted = Record<string, Record<string, unknown>>;

/** The intent, written before the first write. The baseline keeps each kind's state from before its first change. */
export function beginRecord(record: JournalData, pending: Omit<PendingOperation, 'startedAt'>, at: string, bootTime: number): JournalData {
  const sinceBoot = record.sinceBoot && Date.parse(record.sinceBoot.at) > bootTime ? record.sinceBoot : { at, registry: pending.prior.registry };
  return { ...record, baseline: mergedBaseline(record, pending, at), pending: { ...pending, startedAt: at }, sinceBoot };
}

function mergedBaseline(record: JournalData, pending: Omit<PendingOperation, 'startedAt'>, at: string): JournalData['baseline'] {
  const { baseline } = record;
  if (!baseline) return { states: pending.prior, backupFile: pending.backupFile, at };
  const states = mergeStates(pending.prior, baseline.states);
  // A part first seen now (another port, the range) is vouched for by this change's backup.
  const added = Object.entries(states as Slotted).some(([id, state]) => Object.keys(state).some((slot) => !(slot in ((baseline.states as Slotted)[id] ?? {}))));
  const later = baseline.laterBackups ?? [];
  return added && !later.includes(pending.backupFile) && pending.backupFile !== baseline.backupFile
    ? { ...baseline, states, laterBackups: [...later, pending.backupFile] }
    : { ...baseline, states };
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

/** Only the kinds and parts of `states` that `scope` has: what a baseline keeps once a change it grew for was put back. */
function within(states: KindStates, scope: KindStates): KindStates {
  const kept: Record<string, unknown> = {};
  for (const [id, state] of Object.entries(states as Slotted)) {
    const bounds = (scope as Slotted)[id];
    if (bounds) kept[id] = Object.fromEntries(Object.entries(state).filter(([slot]) => slot in bounds));
  }
  return kept as KindStates;
}

/** The states a settle found and left: its history entry shows its own writes, not the interrupted operation's plan. */
export interface Seen {
  before: KindStates;
  after: KindStates;
}

function entryOf(pending: PendingOperation, action: HistoryEntry['action'], after: KindStates, at: string, audit: Audit, note?: string, before = pending.prior): HistoryEntry {
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

/**
 * The slots an undo's target leaves off the baseline (reservations a range still covers, see
 * undo-goal.ts), with the registry: what the journal keeps so a later undo can finish; null when none.
 */
function leftAfterUndo(baseline: KindStates, target: KindStates): KindStates | null {
  const left: Record<string, unknown> = {};
  for (const [id, state] of Object.entries(baseline as Slotted)) {
    if (id === 'registry') continue;
    const slots = Object.keys(state).filter((slot) => !isDeepStrictEqual(state[slot], (target as Slotted)[id]?.[slot]));
    if (slots.length > 0) left[id] = Object.fromEntries(slots.map((slot) => [slot, state[slot]]));
  }
  return Object.keys(left).length > 0 ? ({ registry: baseline.registry, ...left } as KindStates) : null;
}

/** The operation reached its target: an undo clears what there was to undo, but for what it had to leave. */
export function finishedRecord(record: JournalData, at: string, audit: Audit, note?: string): { record: JournalData; entry: HistoryEntry } {
  const pending = record.pending as PendingOperation;
  const entry = entryOf(pending, note ? 'recovered' : pending.operation, pending.target, at, audit, note);
  const left = pending.operation === 'undo' && record.baseline ? leftAfterUndo(record.baseline.states, pending.target) : null;
  const baseline = record.baseline && left ? { ...record.baseline, states: within(record.baseline.states, left) } : null;
  const undone = pending.operation === 'undo';
  return {
    entry,
    record: {
      ...record,
      baseline: undone ? baseline : record.baseline,
      lastWritten: undone ? left && within(pending.target, left) : mergeStates(record.lastWritten ?? {}, pending.target),
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
  record: JournalData,
  action: 'rollback' | 'recovered',
  note: string,
  at: string,
  audit: Audit,
  seen?: Seen,
): { record: JournalData; entry: HistoryEntry } {
  return keptRecord(record, record.lastWritten, action, note, at, audit, seen, false);
}

/**
 * An interrupted change settled part by part: the parts still as this tool wrote them were put
 * back, and the `byHand` slots of each kind were changed by someone since. For those the
 * baseline stays, and they count as this tool's last write, so undo knows them and asks first.
 */
export function settledRecord(
  record: JournalData,
  byHand: Partial<Record<KindId, ReadonlySet<string>>>,
  note: string,
  at: string,
  audit: Audit,
  seen: Seen,
): { record: JournalData; entry: HistoryEntry } {
  const pending = record.pending as PendingOperation;
  const view: Record<string, unknown> = {};
  for (const [id, slots] of Object.entries(byHand)) {
    const kind = id as KindId;
    if (slots.size > 0) view[kind] = overlay(pending.prior[kind], pending.target[kind], slots);
  }
  const lastWritten = mergeStates(record.lastWritten ?? { registry: pending.prior.registry }, view as Partial<KindStates>);
  // The parts kept by hand are vouched for by this operation's backup.
  return keptRecord(record, lastWritten, 'recovered', note, at, audit, seen, true);
}

function keptRecord(
  record: JournalData,
  lastWritten: KindStates | null,
  action: 'rollback' | 'recovered',
  note: string,
  at: string,
  audit: Audit,
  seen: Seen | undefined,
  keepBackup: boolean,
): { record: JournalData; entry: HistoryEntry } {
  const pending = record.pending as PendingOperation;
  const entry = entryOf(pending, action, seen?.after ?? pending.prior, at, audit, note, seen?.before);
  let baseline: JournalData['baseline'] = null;
  // A first apply that never took leaves nothing to undo.
  if (record.baseline && lastWritten) {
    const { laterBackups: all, ...kept } = record.baseline;
    const laterBackups = all?.filter((file) => keepBackup || file !== pending.backupFile) ?? [];
    baseline = { ...kept, states: within(kept.states, lastWritten), ...(laterBackups.length > 0 ? { laterBackups } : {}) };
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
