import type { ValidRequest } from '../../../shared/contract';
import type { KindId } from './kind-states';

/** What a change asks for, as the contract has validated it. */
export type ChangeRequest = Partial<ValidRequest<'apply'>>;

/** One comparable, describable piece of a kind's state: a registry value, a port range. */
export interface StatePart {
  name: string;
  /** Equal keys mean equal states, exactly (type and data). */
  key: string;
  /** How it reads in a sentence: "65534", "REG_SZ \"5000\"", "not set". */
  text: string;
}

/**
 * One kind of setting the tool may change: registry DWORDs, the netsh port range, reserved ports.
 * Each knows how to read, write, verify and restore itself; the change engine does the rest
 * (backup, journal, rollback, undo, settling after a crash) the same way for every kind.
 */
export interface SettingKind<State = unknown, Wanted = unknown, ReadBack = unknown> {
  /** Its key in the journal's saved states (kind-states.ts). */
  readonly id: KindId;
  /** The part of a request that is this kind's, or undefined when the request leaves it alone. */
  wantedFrom(request: ChangeRequest): Wanted | undefined;
  /**
   * The exact state now, in the form `restore` puts back. A kind whose state covers only some
   * things (reserved ports) reads those that `scope` names: a wanted change, or a saved state.
   */
  capture(scope?: State | Wanted): Promise<State>;
  /** The state once `wanted` is written over `prior`. */
  targetOf(prior: State, wanted: Wanted): State;
  /** Writes `wanted` and reads it back; throws a TunerError when it did not take. */
  write(wanted: Wanted): Promise<ReadBack>;
  /** Puts a saved state back exactly and proves it took. */
  restore(state: State): Promise<void>;
  parts(state: State): StatePart[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the engine holds kinds of every state type side by side
export type AnyKind = SettingKind<any, any, unknown>;

/** The parts of `a` that differ from `b`, with how each reads in `a` and in `b`. */
export function differingParts<S>(kind: SettingKind<S>, a: S, b: S): { name: string; now: string; was: string }[] {
  const other = new Map(kind.parts(b).map((part) => [part.name, part]));
  return kind
    .parts(a)
    .filter((part) => other.get(part.name)?.key !== part.key)
    .map((part) => ({ name: part.name, now: part.text, was: other.get(part.name)?.text ?? 'unknown' }));
}
