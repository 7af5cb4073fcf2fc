import { TunerError } from '../errors';
import {
  differingParts,
  type AnyKind,
  type ChangeKind,
  type KindId,
  type PartDifference,
  type RestartRule,
  type SomeStates,
  type StateOf,
} from './change-kind';

/**
 * Reading and comparing states across the engine's kinds: what apply, undo, settle and status
 * share. A leaf (it knows no engine and no journal), so those can all use it without an import
 * circle.
 */
export class KindOps {
  constructor(readonly kinds: readonly AnyKind[]) {}

  /** The kind of `id`, where the engine has one. */
  find<K extends KindId>(id: K): ChangeKind<K> | undefined {
    return this.kinds.find((kind): kind is ChangeKind<K> => kind.id === id);
  }

  /** What a restart does to one kind because of another's state (registry-kind.ts: MaxUserPort and the range). */
  get restartRules(): RestartRule[] {
    return this.kinds.flatMap((kind) => kind.atRestart ?? []);
  }

  /** The kinds `states` holds, in the engine's fixed order. */
  in(states: SomeStates): AnyKind[] {
    return this.kinds.filter((kind) => states[kind.id] !== undefined);
  }

  /**
   * One kind's state now. netsh has answered nothing once where it held exclusions: a kind the
   * backup does not vouch for is read twice, and two answers that differ are "not read".
   */
  async read<K extends KindId>(kind: ChangeKind<K>, scope: unknown): Promise<StateOf<K>> {
    const first = await kind.capture(scope);
    if (kind.inBackup) return first;
    const second = await kind.capture(scope);
    const off = differingParts(kind, second, first);
    if (off.length > 0) {
      const said = off.map((part) => `${part.name} read as ${part.was}, then as ${part.now}`).join(', ');
      throw new TunerError(
        'netsh-failed',
        `Could not read the settings reliably: netsh answered differently twice (${said}). Nothing was changed.`,
      );
    }
    return first;
  }

  /** The state now of every kind `like` holds, reusing what is already `known`. */
  async capture<T extends SomeStates>(like: SomeStates, known: T): Promise<T & SomeStates> {
    const read: SomeStates = {};
    for (const kind of this.in(like))
      if (known[kind.id] === undefined) put(read, kind, await this.read(kind, like[kind.id]));
    return { ...read, ...known };
  }

  /** Whether going from `from` to `to` changes a kind Windows reads only when it starts. */
  needsRestart(from: SomeStates, to: SomeStates): boolean {
    return this.in(to).some((kind) => kind.effect === 'after-restart' && differs(kind, to, from));
  }

  /** The states of the kinds the backup does not hold (the range, the reservations): what a backup's `.json` records beside the key. */
  notInBackup(states: SomeStates): SomeStates {
    const found: SomeStates = {};
    for (const kind of this.in(states)) if (!kind.inBackup) put(found, kind, states[kind.id]);
    return found;
  }
}

/** `states` with `kind`'s state set: the one place a state is filed under its kind's id. */
export function put<K extends KindId>(states: SomeStates, kind: ChangeKind<K>, state: StateOf<K> | undefined): void {
  states[kind.id] = state;
}

/** The parts of `kind` that read otherwise in `a` than in `b`; none where either side lacks the kind. */
export function partsOff(kind: AnyKind, a: SomeStates, b: SomeStates): PartDifference[] {
  const [one, other] = [a[kind.id], b[kind.id]];
  return one === undefined || other === undefined ? [] : differingParts(kind, one, other);
}

/** Whether `kind` reads otherwise in `a` than in `b`; a side without the kind differs from one with it. */
export function differs(kind: AnyKind, a: SomeStates, b: SomeStates): boolean {
  return (a[kind.id] === undefined) !== (b[kind.id] === undefined) || partsOff(kind, a, b).length > 0;
}
