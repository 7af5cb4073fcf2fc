import { messageOf } from '../errors';
import { differingParts, type AnyKind } from './setting-kind';

type States = Record<string, unknown>;

/** A kind a rollback could not put back, and why. */
export interface LeftChanged {
  kind: AnyKind;
  reason: string;
}

/**
 * Puts each kind of `saved` back where it differs, kind by kind: one that cannot be read or
 * written does not keep the others (the registry above all) from being put back.
 */
export async function putBackEach(kinds: readonly AnyKind[], saved: States, read: (kind: AnyKind) => Promise<unknown>): Promise<LeftChanged[]> {
  const left: LeftChanged[] = [];
  for (const kind of kinds) {
    if (saved[kind.id] === undefined) continue;
    try {
      const current = await read(kind);
      if (differingParts(kind, current, saved[kind.id]).length > 0) await kind.restore(saved[kind.id], current);
    } catch (error) {
      left.push({ kind, reason: messageOf(error) });
    }
  }
  return left;
}

/**
 * For each netsh kind left changed, the parts `goal` and `changed` differ in, and the exact lines
 * that give them `goal`'s state by hand ("reg import" of the restore file stands for the registry).
 */
export function stillChanged(left: readonly LeftChanged[], goal: States, changed: States): { parts: string[]; lines: string[] } {
  const parts: string[] = [];
  const lines: string[] = [];
  for (const { kind } of left) {
    if (kind.inBackup || goal[kind.id] === undefined) continue;
    const off = differingParts(kind, goal[kind.id], changed[kind.id] ?? goal[kind.id]);
    parts.push(...off.map((part) => `${part.name} (to be ${part.now})`));
    lines.push(...kind.repairs(goal[kind.id], new Set(off.map((part) => part.slot)), ''));
  }
  return { parts, lines };
}
