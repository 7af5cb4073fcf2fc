import { isDeepStrictEqual } from 'node:util';
import type { KindId, KindStates, SomeStates, StateOf } from './change-kind';
import { idsOf, overlayParts, pickSlots } from './slots';

/**
 * How the journal's saved states combine, kind by kind and slot by slot: a later change over an
 * earlier one, a baseline trimmed to what still stands, what an undo had to leave, and what a
 * settle keeps of the parts changed by hand. records.ts builds each journal record from these.
 */

/**
 * Each kind's parts from `later` over those of `earlier`: a second change that reserves another
 * port adds it to what the first reserved instead of replacing it. Registry values and ranges
 * always hold every part, so for them the later state simply wins.
 */
export function mergeStates<T extends SomeStates>(earlier: T, later: KindStates): KindStates {
  const merged: KindStates = { ...earlier, ...later };
  for (const id of idsOf(later)) mergeKind(merged, earlier, later, id);
  return merged;
}

function mergeKind<K extends KindId>(merged: SomeStates, earlier: SomeStates, later: SomeStates, id: K): void {
  const state: StateOf<K> | undefined = later[id];
  if (state) merged[id] = { ...earlier[id], ...state };
}

/** Only the kinds and parts of `states` that `scope` has: what a baseline keeps once a change it grew for was put back. */
export function within(states: KindStates, scope: SomeStates): KindStates {
  const kept: KindStates = { registry: pickSlots(states.registry, (slot) => slot in (scope.registry ?? {})) };
  for (const id of idsOf(states)) withinKind(kept, states, scope, id);
  return kept;
}

function withinKind<K extends KindId>(kept: SomeStates, states: SomeStates, scope: SomeStates, id: K): void {
  const [state, bounds]: (StateOf<K> | undefined)[] = [states[id], scope[id]];
  if (state && bounds) kept[id] = pickSlots(state, (slot) => slot in bounds);
}

/**
 * The slots an undo's target leaves off the baseline (reservations a range still covers, see
 * undo-goal.ts), with the registry: what the journal keeps so a later undo can finish; null when none.
 */
export function leftAfterUndo(baseline: KindStates, target: KindStates): KindStates | null {
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

/**
 * The prior states with the `byHand` slots of each kind taken from the target: as this tool last
 * wrote them, for an interrupted change whose parts someone changed since. The registry as prior.
 */
export function handChangedView(
  prior: KindStates,
  target: KindStates,
  byHand: Partial<Record<KindId, ReadonlySet<string>>>,
): KindStates {
  const view: KindStates = { registry: prior.registry };
  for (const id of idsOf(prior)) viewOfKind(view, prior, target, byHand[id], id);
  return view;
}

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
