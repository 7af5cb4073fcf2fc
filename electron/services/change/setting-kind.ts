import type { ValidRequest } from '../../../shared/contract';
import type { Family, KindId } from '../../../shared/kinds';

/** What a change asks for, as the contract has validated it. */
export type ChangeRequest = Partial<ValidRequest<'apply'>>;

/** One comparable, describable piece of a kind's state: a registry value, one family's range, one port of one family. */
export interface StatePart {
  name: string;
  /** The top-level key of the state that holds it (a value name, a family, a port): how parts of two states are mixed. */
  slot: string;
  /** Equal keys mean equal states, exactly (type and data). */
  key: string;
  /** How it reads in a sentence: "65534", "REG_SZ \"5000\"", "not set". */
  text: string;
  /** Where a slot holds both families (a port), the one this part is. */
  family?: Family;
}

/** One netsh step (a range set, an exclusion added or deleted): the journal records each, as proof this tool made it. */
export interface Step {
  part: string;
  from: string;
  to: string;
}
export type StepDone = (step: Step) => Promise<void>;

/**
 * One kind of setting the tool may change: registry DWORDs, the netsh port range, reserved ports.
 * Each knows how to read, write, verify and restore itself; the change engine does the rest
 * (backup, journal, rollback, undo, settling after a crash) the same way for every kind.
 */
export interface SettingKind<State = unknown, Wanted = unknown, ReadBack = unknown> {
  readonly id: KindId;
  /** Its state before a change is what the verified backup holds (the registry key), not a read of its own. */
  readonly inBackup: boolean;
  /** When Windows goes by a change of it. */
  readonly takesEffect: 'at once' | 'after a restart';
  /** The part of a request that is this kind's, or undefined when the request leaves it alone. */
  wantedFrom(request: ChangeRequest): Wanted | undefined;
  /**
   * The exact state now, in the form `restore` puts back. A kind whose state covers only some
   * things (reserved ports) reads those that `scope` names: a wanted change, or a saved state.
   * Throws when it cannot be read: never an empty or made-up state.
   */
  capture(scope?: State | Wanted): Promise<State>;
  /** The state once `wanted` is written over `prior`. */
  targetOf(prior: State, wanted: Wanted): State;
  /** Writes `wanted`, then proves with a fresh read that the whole of `target` holds; throws a TunerError when not. `done` hears of each step (see journal.ts for when). */
  write(wanted: Wanted, target: State, prior: State, done?: StepDone): Promise<ReadBack>;
  /** Puts a saved state back from `current` and proves with a fresh read that the whole of it holds. */
  restore(state: State, current: State, done?: StepDone): Promise<void>;
  parts(state: State): StatePart[];
  /**
   * Commands, one each, an administrator can run to give the `parts` named (this tool's own
   * changes) what `state` has. Never one that adds an exclusion: that could only be an admin's.
   */
  repairs(state: State, parts: readonly Pick<StatePart, 'slot' | 'family'>[]): string[];
  /**
   * Where its own read or restore needs disk space a full disk does not have: puts `state` back
   * from `file` (the backup's -restore.reg, once it is checked to hold exactly `state`) and proves
   * it with a read that writes nothing.
   */
  restoreFromFile?(state: State, file: string): Promise<void>;
  /** The sentence for a rollback that put this kind alone back. */
  readonly putBackSentence: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the engine holds kinds of every state type side by side
export type AnyKind = SettingKind<any, any, unknown>;

export interface PartDifference {
  name: string;
  slot: string;
  family?: Family;
  now: string;
  was: string;
}

/** The parts of `a` that differ from `b`, with how each reads in `a` and in `b`. */
export function differingParts<S>(kind: SettingKind<S>, a: S, b: S): PartDifference[] {
  const other = new Map(kind.parts(b).map((part) => [part.name, part]));
  return kind
    .parts(a)
    .filter((part) => other.get(part.name)?.key !== part.key)
    .map((part) => ({ name: part.name, slot: part.slot, family: part.family, now: part.text, was: other.get(part.name)?.text ?? 'unknown' }));
}

type Slotted = Record<string, unknown>;

/** `state` with the slots named taken from `from`. */
export function overlay<S>(state: S, from: S, slots: ReadonlySet<string>): S {
  const mixed: Slotted = { ...(state as Slotted) };
  for (const slot of slots) if (slot in (from as Slotted)) mixed[slot] = (from as Slotted)[slot];
  return mixed as S;
}

/** `state` with the `parts` taken from `from`: a whole slot, or one family of it, so an admin's half of a port is never moved with this tool's. */
export function overlayParts<S>(state: S, from: S, parts: readonly Pick<PartDifference, 'slot' | 'family'>[]): S {
  const mixed: Record<string, Slotted> = { ...(state as Record<string, Slotted>) };
  const source = from as Record<string, Slotted>;
  for (const { slot, family } of parts) {
    if (!(slot in source)) continue;
    mixed[slot] = family ? { ...mixed[slot], [family]: source[slot][family] } : source[slot];
  }
  return mixed as S;
}
