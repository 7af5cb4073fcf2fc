import { restoreFileOf } from '../backup/backup';
import { errnoOf, messageOf, TunerError } from '../errors';
import { differingParts, type AnyKind, type SomeStates } from './change-kind';
import type { Started } from './journal';
import type { KindOps } from './kind-ops';

/** A kind a rollback could not put back, and why. */
export interface LeftChanged {
  kind: AnyKind;
  reason: string;
}

/**
 * Puts each kind of `prior` back where it differs, kind by kind: one that cannot be read or
 * written does not keep the others (the registry above all) from being put back.
 */
export async function putBackEach(ops: KindOps, prior: SomeStates, restoreFile: string): Promise<LeftChanged[]> {
  const left: LeftChanged[] = [];
  for (const kind of ops.in(prior)) {
    const state = prior[kind.id];
    if (state === undefined) continue;
    // A full disk may leave no room for the scratch file a read or restore needs: the backup's own restore file needs none.
    const fromFile = () =>
      kind.restoreFromFile?.(state, restoreFile).then(
        () => true,
        () => false,
      ) ?? Promise.resolve(false);
    let current;
    try {
      current = await ops.read(kind, state);
    } catch (error) {
      if (!(await fromFile())) left.push({ kind, reason: messageOf(error) });
      continue;
    }
    try {
      if (differingParts(kind, current, state).length > 0) await kind.restore(state, current);
    } catch (error) {
      const full = errnoOf(error) === 'ENOSPC' || errnoOf(error) === 'EDQUOT';
      if (!(full && (await fromFile()))) left.push({ kind, reason: messageOf(error) });
    }
  }
  return left;
}

/**
 * For each netsh kind left changed, the parts `goal` and `changed` differ in, and the commands
 * that give this tool's own parts (`own`) `goal`'s state by hand, one each.
 */
function stillChanged(
  left: readonly LeftChanged[],
  goal: SomeStates,
  changed: SomeStates,
  own: (kind: AnyKind, part: string) => boolean,
): { parts: string[]; lines: string[] } {
  const parts: string[] = [];
  const lines: string[] = [];
  for (const { kind } of left) {
    const state = goal[kind.id];
    if (kind.inBackup || state === undefined) continue;
    const off = differingParts(kind, state, changed[kind.id] ?? state);
    parts.push(...off.map((part) => `${part.name} (to be ${part.now})`));
    lines.push(
      ...kind.repairs(
        state,
        off.filter((part) => own(kind, part.name)),
      ),
    );
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
export function leftChanged(
  ops: KindOps,
  { record, pending }: Started,
  failure: TunerError,
  left: LeftChanged[],
): TunerError {
  const said = `${failure.message} Putting the values back failed too (${left.map(({ reason }) => reason).join('; ')}).`;
  const undoing = pending.operation === 'undo' ? record.baseline : null;
  if (undoing) {
    const all = ops.in(pending.target).map((kind) => ({ kind, reason: '' }));
    const { lines } = stillChanged(all, pending.target, pending.prior, () => true);
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
  // A part always this tool's to set (the range) is its own; an exclusion only where a step recorded adding it.
  const own = (kind: AnyKind, part: string) => kind.unrecorded === 'ours' || recorded.has(`${kind.id}:${part}`);
  const { parts, lines } = stillChanged(left, pending.prior, pending.target, own);
  const registry = left.some(({ kind }) => kind.inBackup);
  const registrySaid = registry
    ? ` ${file} holds the previous values: import it with 'reg import' as administrator.`
    : '';
  const netsh =
    parts.length > 0
      ? ` Still changed or not known: ${parts.join(', ')}.${lines.length > 0 ? ' To put back what this tool changed, run as administrator the commands below.' : ''}`
      : '';
  return new TunerError('restore-failed', `${said}${registrySaid}${netsh}`, [
    ...(registry ? [`reg import "${file}"`] : []),
    ...lines,
  ]);
}
