import type { RangeState } from '../../../shared/kinds';
import { FAMILY_LABEL } from '../../../shared/families';
import { changedSinceText } from '../../../shared/change-kinds';
import { rangeText } from '../../../shared/port-text';
import { recordNetshStates, type VerifiedBackup } from '../backup/backup';
import { TunerError } from '../errors';
import { checkAgainstBackups } from './backup-check';
import type { KindStates } from './change-kind';
import type { JournalData } from './journal';
import type { JournalWriter } from './journal-writer';
import { differs, type KindOps } from './kind-ops';
import { driftOf } from './drift';
import { undoGoal, type KeptPart } from './undo-goal';

/** How an undo ended: the states it found, those it left (each proven by the read that ends its restore), and what still differs from the baseline. */
export interface Undone {
  before: KindStates;
  now: KindStates;
  baseline: KindStates;
  /** Parts left otherwise than before the first change, and why: a reservation a range still covers, a range the journal never recorded. */
  stillChanged: KeptPart[];
  backup: VerifiedBackup;
  restart: boolean;
}

/** What undo needs of the engine: its kinds, its journal and a fresh backup. */
export interface UndoContext {
  ops: KindOps;
  writer: JournalWriter;
  makeBackup: (folder: string) => Promise<VerifiedBackup>;
}

/** Every backup the baseline's parts came from, the first change's first. */
function backupsOf(record: JournalData): string[] {
  return record.baseline ? [record.baseline.backupFile, ...(record.baseline.laterBackups ?? [])] : [];
}

/**
 * Puts back the baseline: the registry values, the range (recorded by any change that set
 * MaxUserPort, since Windows reshapes it at the next restart) and then the reservations, each
 * only once no range covers its port (undo-goal.ts). Refuses, unless forced, when someone changed
 * a part since this tool did.
 */
export async function undoChange(
  { ops, writer, makeBackup }: UndoContext,
  record: JournalData,
  force: boolean,
  folder: string,
  restartedSince: boolean,
): Promise<Undone | null> {
  if (!record.baseline || !record.lastWritten) return null;
  const baseline = record.baseline.states;
  await checkAgainstBackups(ops, baseline, backupsOf(record), { stopped: 'Undo stopped', journalFile: writer.file });
  const backup = await makeBackup(folder);
  const current = await ops.capture(baseline, { registry: backup.snapshot });
  await recordNetshStates(backup, ops.notInBackup(current));

  // A baseline without the range (a journal from before it was recorded): the range read now stands for it.
  const rangeRead = baseline.dynamicRange ? undefined : await readRange(ops);
  const drift = driftOf(
    ops,
    record.lastWritten,
    rangeRead ? { ...current, dynamicRange: rangeRead } : current,
    restartedSince,
  );
  if (drift.conflicts.length > 0 && !force) {
    throw new TunerError(
      'undo-refused',
      `Undo stopped: someone changed the settings since this tool did. ${drift.conflicts.map(changedSinceText).join(' ')} ` +
        'Nothing was changed. Undo anyway to put back the values from before the first change.',
    );
  }
  const { goal, kept } = undoGoal(baseline, current, baseline.dynamicRange ?? rangeRead ?? null, ops.restartRules);
  const started = await writer.begin(record, {
    operation: 'undo',
    prior: current,
    target: goal,
    backupFile: backup.file,
  });
  try {
    // The kinds in their fixed order: the range is back before any reservation is released.
    for (const kind of ops.in(goal)) {
      const [state, now] = [goal[kind.id], current[kind.id]];
      if (state !== undefined && now !== undefined && differs(kind, goal, current))
        await kind.restore(state, now, writer.stepsOf(started, kind));
    }
  } catch (error) {
    throw await writer.rollBack(started, error);
  }
  await writer.finishAfterWrite(started, 'undo');
  const reshape = rangeRead ? drift.reshape : null;
  const unrecorded = reshape
    ? reshape.families.map((family) => ({
        name: `the ${FAMILY_LABEL[family]} dynamic port range`,
        now: rangeText(reshape.range),
        why: `Windows set it at the restart because of this tool's MaxUserPort ${reshape.maxUserPort}; the change was made before this tool recorded the range, so what it was before is not known`,
      }))
    : [];
  return {
    before: current,
    now: goal,
    baseline: record.baseline.states,
    stillChanged: [...kept, ...unrecorded],
    backup,
    restart: ops.needsRestart(current, goal),
  };
}

/** The range now, for a journal from before ranges were recorded; null when netsh cannot read it. */
async function readRange(ops: KindOps): Promise<RangeState | null> {
  const range = ops.find('dynamicRange');
  if (!range) return null;
  return ops.read(range, undefined).catch((error: unknown) => {
    if (error instanceof TunerError) return null;
    throw error;
  });
}
