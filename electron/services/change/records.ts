import { isDeepStrictEqual } from 'node:util';
import type { HistoryEntry } from '../../../shared/contract';
import type { BackendName } from '../registry/backend';
import type { KindId, KindStates, SomeStates, StateOf } from './change-kind';
import type { JournalData, PendingOperation, Started } from './journal';
import { reportStates } from './kind-states';
import { idsOf, overlayParts, pickSlots } from './slots';

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

/**
 * Each kind's parts from `later` over those of `earlier`: a second change that reserves another
 * port adds it to what the first reserved instead of replacing it. Registry values and ranges
 * always hold every part, so for them the later state simply wins.
 */
function mergeStates<T extends SomeStates>(earlier: T, later: KindStates): KindStates {
  const merged: KindStates = { ...earlier, ...later };
  for (const id of idsOf(later)) mergeKind(merged, earlier, later, id);
  return merged;
}

function mergeKind<K extends KindId>(merged: SomeStates, earlier: SomeStates, later: SomeStates, id: K): void {
  const state: StateOf<K> | undefined = later[id];
  if (state) merged[id] = { ...earlier[id], ...state };
}

/** Only the kinds and parts of `states` that `scope` has: what a baseline keeps once a change it grew for was put back. */
function within(states: KindStates, scope: SomeStates): KindStates {
  const kept: KindStates = { registry: pickSlots(states.registry, (slot) => slot in (scope.registry ?? {})) };
  for (const id of idsOf(states)) withinKind(kept, states, scope, id);
  return kept;
}

function withinKind<K extends KindId>(kept: SomeStates, states: SomeStates, scope: SomeStates, id: K): void {
  const [state, bounds]: (StateOf<K> | undefined)[] = [states[id], scope[id]];
  if (state && bounds) kept[id] = pickSlots(state, (slot) => slot in bounds);
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

/**
 * The slots an undo's target leaves off the baseline (reservations a range still covers, see
 * undo-goal.ts), with the registry: what the journal keeps so a later undo can finish; null when none.
 */
function leftAfterUndo(baseline: KindStates, target: KindStates): KindStates | null {
  const left: KindStates = { registry: baseline.registry };
  for (const id of idsOf(baseline)) if (id !== 'registry') leftOfKind(left, baseline, target, id);
  return idsOf(left).length > 1 ? left : null;
}

function leftOfKind<K extends KindId>(left: SomeStates, baseline: SomeStates, target: SomeStates, id: K): void {
  const [state, goal]: (StateOf<K> | undefined)[] = [baseline[id], target[id]];
  if (!state) return;
  const slotsOf = (of: object | undefined) => new Map<string, unknown>(Object.entries(of ?? {}));
  const [was, aim] = [slotsOf(state), slotsOf(goal)];
  const off = pickSlots(state, (slot) => !isDeepStrictEqual(was.get(slot), aim.get(slot)));
  if (Object.keys(off).length > 0) left[id] = off;
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
  const view: KindStates = { registry: pending.prior.registry };
  for (const id of idsOf(pending.prior)) viewOfKind(view, pending.prior, pending.target, byHand[id], id);
  const lastWritten = mergeStates(record.lastWritten ?? { registry: pending.prior.registry }, view);
  // The parts kept by hand are vouched for by this operation's backup.
  return keptRecord(started, lastWritten, 'recovered', note, at, audit, seen, true);
}

/** The prior state of a kind with the `slots` changed by hand since taken from the target: as this tool last wrote them. */
function viewOfKind<K extends KindId>(
  view: SomeStates,
  prior: SomeStates,
  target: SomeStates,
  slots: ReadonlySet<string> | undefined,
  id: K,
): void {
  const [was, goal]: (StateOf<K> | undefined)[] = [prior[id], target[id]];
  if (was && goal && slots && slots.size > 0)
    view[id] = overlayParts(
      was,
      goal,
      [...slots].map((slot) => ({ slot })),
    );
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
