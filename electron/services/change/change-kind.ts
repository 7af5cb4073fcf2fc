import type * as z from 'zod/mini';
import type { ValidRequest } from '../../../shared/contract';
import type { Effect, Family } from '../../../shared/families';
import type { RangeState, ReservedState } from '../../../shared/kinds';
import type { PortRange } from '../../../shared/port-range';
import type { ValueState } from '../../../shared/registry-value';
import type { PerSetting } from '../../../shared/settings';
import type { Snapshot } from '../registry/snapshot';

/** What a change asks for, as the contract has validated it. */
export type ChangeRequest = Partial<ValidRequest<'apply'>>;

/**
 * The state of each kind of change, by its id: the one list of kinds the types know. A kind
 * outside the product (the test-only kind) adds its line with `declare module`.
 *
 * Names, one each: a kind's *state* is what it holds (a `Snapshot` of the key, a range per
 * family, a hold per port and family). A state the journal keeps is a *saved state*; the field
 * says which one, never another word for it: `baseline` (before this tool's first change),
 * `prior` (before one operation), `target`, `lastWritten`. (The history's `before`/`after` and
 * a backup's `snapshot` are reports and files, not saved states.) In code "setting" is a
 * registry value (shared/settings.ts: SETTING_NAMES, PerSetting); the abstraction over all the
 * things a DBA may change (the UI's "settings") is a *change kind*, `ChangeKind`.
 *
 * @public the augmentation is a use knip cannot see.
 */
export interface KindStateMap {
  registry: Snapshot;
  dynamicRange: RangeState;
  reservedPorts: ReservedState;
}
export type KindId = keyof KindStateMap;
export type StateOf<K extends KindId> = KindStateMap[K];
/** Any kinds' states: those an operation concerned. */
export type SomeStates = { [K in KindId]?: StateOf<K> };
/** Saved states: the registry key always (every change backs it up), any other kind a change concerned. */
export type KindStates = SomeStates & Pick<KindStateMap, 'registry'>;

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
interface Step {
  part: string;
  from: string;
  to: string;
}
export type StepDone = (step: Step) => Promise<void>;

/**
 * One kind of change: the registry values, the netsh port range, reserved ports. Each knows how
 * to read, write, verify and restore itself; the change engine does the rest (backup, journal,
 * rollback, undo, settling after a crash) the same way for every kind. Its state is an object of
 * slots (slots.ts). Members are methods, so a kind of one state type stands in the engine's list
 * of every kind (`AnyKind`).
 */
export interface ChangeKind<K extends KindId = KindId, Wanted = unknown> {
  readonly id: K;
  /** Its saved state, as the journal checks it when read back: a tampered journal can name only what the kind can hold. */
  readonly schema: z.ZodMiniType<StateOf<K>>;
  /** Its state before a change is what the verified backup holds (the registry key), not a read of its own. */
  readonly inBackup: boolean;
  /**
   * A part reading as the target with no recorded step: `ours` when the kind is always this
   * tool's to set (the range; kept for undo), `maybe-an-admins` when anyone may have made it so
   * (an exclusion; never removed).
   */
  readonly unrecorded: 'ours' | 'maybe-an-admins';
  /** When Windows goes by a change of it. */
  readonly effect: Effect;
  /** The part of a request that is this kind's, or undefined when the request leaves it alone. */
  wantedFrom(request: ChangeRequest): Wanted | undefined;
  /**
   * The exact state now, in the form `restore` puts back. A kind whose state covers only some
   * things (reserved ports) reads those that `scope` names: a wanted change, or a saved state.
   * Throws when it cannot be read: never an empty or made-up state.
   */
  capture(scope?: StateOf<K> | Wanted): Promise<StateOf<K>>;
  /** The state once `wanted` is written over `prior`. */
  targetOf(prior: StateOf<K>, wanted: Wanted): StateOf<K>;
  /** Writes `wanted`, then proves with a fresh read that the whole of `target` holds; throws a TunerError when not. `done` hears of each step (see journal.ts for when). */
  write(wanted: Wanted, target: StateOf<K>, prior: StateOf<K>, done?: StepDone): Promise<void>;
  /** Puts a saved state back from `current` and proves with a fresh read that the whole of it holds. */
  restore(state: StateOf<K>, current: StateOf<K>, done?: StepDone): Promise<void>;
  parts(state: StateOf<K>): StatePart[];
  /** How a slot reads in a sentence: "MaxUserPort", "the IPv4 dynamic port range", "port 3306" (both families). */
  slotName(slot: string): string;
  /**
   * Commands, one each, an administrator can run to give the `parts` named (this tool's own
   * changes) what `state` has. Never one that adds an exclusion: that could only be an admin's.
   */
  repairs(state: StateOf<K>, parts: readonly Pick<StatePart, 'slot' | 'family'>[]): string[];
  /**
   * Where its own read or restore needs disk space a full disk does not have: puts `state` back
   * from `file` (the backup's -restore.reg, once it is checked to hold exactly `state`) and proves
   * it with a read that writes nothing.
   */
  restoreFromFile?(state: StateOf<K>, file: string): Promise<void>;
  /** The sentence for a rollback that put this kind alone back. */
  readonly putBackSentence: string;
  /** What Windows does to another kind at its next restart because of this kind's state (the registry's MaxUserPort). */
  readonly atRestart?: RestartRule<Wanted>;
}

/** A range Windows made at a restart because of a kind's state this tool wrote: that kind's own side effect, not someone else's change. */
export interface Reshape {
  /** The kind Windows reshaped, and the slots of it (families) it made so. */
  kind: KindId;
  families: Family[];
  range: PortRange;
  maxUserPort: number;
  message: string;
}

/**
 * How a kind's state reshapes the dynamic range at Windows' next restart. The engine, drift and
 * undo go by it without knowing which kind or value does it (registry-kind.ts has the one rule).
 */
export interface RestartRule<Wanted = unknown> {
  /** The kind a restart reshapes: a change that `reshapedBy` records it as it is, for undo to put back. */
  readonly reshapes: KindId;
  reshapedBy(wanted: Wanted): boolean;
  /** The reshape Windows made since this tool wrote `written`; `registryNow` stands in for `current`'s registry where only the reported values were read. */
  since(
    written: KindStates,
    current: SomeStates,
    restartedSince: boolean,
    registryNow?: PerSetting<ValueState>,
  ): Reshape | null;
  /** The range every family gets at the next restart once `states` hold, and the word that says why, or null where a restart keeps the range set now. */
  rangeAtRestart(states: KindStates): { range: PortRange; why: string } | null;
}

/** A kind of any state type: what the engine's list holds. */
export type AnyKind = ChangeKind;

export interface PartDifference {
  name: string;
  slot: string;
  family?: Family;
  now: string;
  was: string;
}

/** The parts of `a` that differ from `b`, with how each reads in `a` and in `b`. */
export function differingParts<K extends KindId>(kind: ChangeKind<K>, a: StateOf<K>, b: StateOf<K>): PartDifference[] {
  const other = new Map(kind.parts(b).map((part) => [part.name, part]));
  return kind
    .parts(a)
    .filter((part) => other.get(part.name)?.key !== part.key)
    .map((part) => ({
      name: part.name,
      slot: part.slot,
      family: part.family,
      now: part.text,
      was: other.get(part.name)?.text ?? 'unknown',
    }));
}
