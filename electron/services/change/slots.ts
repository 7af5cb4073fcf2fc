import type { Family } from '../../../shared/families';
import type { KindId, SomeStates, StatePart } from './change-kind';

/**
 * Every kind's state is an object of slots (a value name, a family, a port), and a slot that
 * holds both families holds one entry each: the journal mixes and trims states slot by slot
 * with these, the same for every kind.
 */

/** The kinds `states` holds. The journal's schema let no other key in (journal.ts). */
export function idsOf(states: SomeStates): KindId[] {
  return Object.keys(states) as KindId[];
}

/** A state of the same kind as `like` from its slots: the one place one is rebuilt, slot by slot. */
function rebuilt<S extends object>(_like: S, slots: Iterable<readonly [string, unknown]>): S {
  return Object.fromEntries(slots) as S;
}

/** `state` with only the slots `keep` says yes to. */
export function pickSlots<S extends object>(state: S, keep: (slot: string) => boolean): S {
  return rebuilt(
    state,
    Object.entries(state).filter(([slot]) => keep(slot)),
  );
}

const entryOf = (value: unknown, family: Family): unknown =>
  typeof value === 'object' && value !== null ? new Map(Object.entries(value)).get(family) : undefined;

/** `state` with the `parts` taken from `from`: a whole slot, or one family of it, so an admin's half of a port is never moved with this tool's. */
export function overlayParts<S extends object>(
  state: S,
  from: S,
  parts: readonly Pick<StatePart, 'slot' | 'family'>[],
): S {
  const mixed = new Map<string, unknown>(Object.entries(state));
  const source = new Map<string, unknown>(Object.entries(from));
  for (const { slot, family } of parts) {
    if (!source.has(slot)) continue;
    mixed.set(
      slot,
      family ? Object.assign({}, mixed.get(slot), { [family]: entryOf(source.get(slot), family) }) : source.get(slot),
    );
  }
  return rebuilt(state, mixed);
}
