import { restoreFileOf } from '../backup/backup';
import { errnoOf, messageOf, TunerError } from '../errors';
import type { JournalData, PendingOperation } from './journal';
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
export async function putBackEach(kinds: readonly AnyKind[], saved: States, read: (kind: AnyKind) => Promise<unknown>, restoreFile: string): Promise<LeftChanged[]> {
  const left: LeftChanged[] = [];
  for (const kind of kinds) {
    if (saved[kind.id] === undefined) continue;
    let current: unknown;
    try {
      current = await read(kind);
    } catch (error) {
      // A full disk may leave no room for the scratch file a read needs: the backup's own restore file needs none.
      const restored = await kind.restoreFromFile?.(saved[kind.id], restoreFile).then(() => true, () => false);
      if (!restored) left.push({ kind, reason: messageOf(error) });
      continue;
    }
    try {
      if (differingParts(kind, current, saved[kind.id]).length > 0) await kind.restore(saved[kind.id], current);
    } catch (error) {
      const full = errnoOf(error) === 'ENOSPC' || errnoOf(error) === 'EDQUOT';
      const restored = full && (await kind.restoreFromFile?.(saved[kind.id], restoreFile).then(() => true, () => false));
      if (!restored) left.push({ kind, reason: messageOf(error) });
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

/**
 * Exit 6: what is left, and the exact lines that finish the job by hand. An undo's goal is the
 * baseline (its first backup's -restore.reg holds those values), so the lines finish the undo;
 * an apply's is the state before it.
 */
export function leftChanged(kinds: readonly AnyKind[], record: JournalData, failure: TunerError, left: LeftChanged[]): TunerError {
  const pending = record.pending as PendingOperation;
  const said = `${failure.message} Putting the values back failed too (${left.map(({ reason }) => reason).join('; ')}).`;
  const undoing = pending.operation === 'undo' ? record.baseline : null;
  if (undoing) {
    const all = kinds.filter((kind) => (undoing.states as States)[kind.id] !== undefined).map((kind) => ({ kind, reason: '' }));
    const { lines } = stillChanged(all, undoing.states as States, pending.prior as States);
    const file = restoreFileOf(undoing.backupFile);
    return new TunerError(
      'restore-failed',
      `${said} To finish the undo by hand, as administrator: ${file} holds the values from before the first change: import it with 'reg import'` +
        `${lines.length > 0 ? `, then run: ${lines.join(' ; ')}` : ''}.`,
    );
  }
  const file = restoreFileOf(pending.backupFile);
  const { parts, lines } = stillChanged(left, pending.prior as States, pending.target as States);
  const registry = left.some(({ kind }) => kind.inBackup) ? ` ${file} holds the previous values: import it with 'reg import' as administrator.` : '';
  const netsh = parts.length > 0 ? ` Still changed or not known: ${parts.join(', ')}; to put them back, run as administrator: ${lines.join(' ; ')}` : '';
  return new TunerError('restore-failed', `${said}${registry}${netsh}`);
}
