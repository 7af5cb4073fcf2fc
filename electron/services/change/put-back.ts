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
 * For each netsh kind left changed, the parts `goal` and `changed` differ in, and the commands
 * that give this tool's own parts (`own`) `goal`'s state by hand, one each.
 */
export function stillChanged(left: readonly LeftChanged[], goal: States, changed: States, own: (kind: AnyKind, part: string) => boolean): { parts: string[]; lines: string[] } {
  const parts: string[] = [];
  const lines: string[] = [];
  for (const { kind } of left) {
    if (kind.inBackup || goal[kind.id] === undefined) continue;
    const off = differingParts(kind, goal[kind.id], changed[kind.id] ?? goal[kind.id]);
    parts.push(...off.map((part) => `${part.name} (to be ${part.now})`));
    lines.push(...kind.repairs(goal[kind.id], off.filter((part) => own(kind, part.name))));
  }
  return { parts, lines };
}

/**
 * Exit 6: what is left, and the commands that finish the job by hand, one a line. An undo's
 * goal is its target (the baseline, less the reservations a range still covers; its first
 * backup's -restore.reg holds the values), and the parts the journal says this tool changed
 * are its own; an apply's goal is the state before it, and its own exclusions are those its
 * steps recorded adding, so no line deletes one an admin added meanwhile.
 */
export function leftChanged(kinds: readonly AnyKind[], record: JournalData, failure: TunerError, left: LeftChanged[]): TunerError {
  const pending = record.pending as PendingOperation;
  const said = `${failure.message} Putting the values back failed too (${left.map(({ reason }) => reason).join('; ')}).`;
  const undoing = pending.operation === 'undo' ? record.baseline : null;
  if (undoing) {
    const all = kinds.filter((kind) => (pending.target as States)[kind.id] !== undefined).map((kind) => ({ kind, reason: '' }));
    const { lines } = stillChanged(all, pending.target as States, pending.prior as States, () => true);
    const file = restoreFileOf(undoing.backupFile);
    const repairs = [`reg import "${file}"`, ...lines];
    return new TunerError(
      'restore-failed',
      `${said} To finish the undo by hand, as administrator: ${file} holds the values from before the first change; run the commands below.`,
      repairs,
    );
  }
  const file = restoreFileOf(pending.backupFile);
  const recorded = new Set((pending.steps ?? []).map((step) => `${step.kind}:${step.part}`));
  // The range is always this tool's to set; an exclusion only where a step recorded adding it.
  const own = (kind: AnyKind, part: string) => kind.id !== 'reservedPorts' || recorded.has(`${kind.id}:${part}`);
  const { parts, lines } = stillChanged(left, pending.prior as States, pending.target as States, own);
  const registry = left.some(({ kind }) => kind.inBackup);
  const registrySaid = registry ? ` ${file} holds the previous values: import it with 'reg import' as administrator.` : '';
  const netsh = parts.length > 0 ? ` Still changed or not known: ${parts.join(', ')}.${lines.length > 0 ? ' To put back what this tool changed, run as administrator the commands below.' : ''}` : '';
  return new TunerError('restore-failed', `${said}${registrySaid}${netsh}`, [...(registry ? [`reg import "${file}"`] : []), ...lines]);
}
