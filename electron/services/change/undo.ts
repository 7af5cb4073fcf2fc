import type { RangeState } from '../../../shared/kinds';
import { FAMILY_LABELS } from '../../../shared/kinds';
import { changedSinceText } from '../../../shared/change-kinds';
import { rangeText } from '../../../shared/port-text';
import { recordNetshStates, type VerifiedBackup } from '../backup/backup';
import { TunerError } from '../errors';
import { checkAgainstBackups } from './backup-check';
import type { ChangeEngine, States } from './change-engine';
import type { JournalData } from './journal';
import { netshStates, type KindStates } from './kind-states';
import { differingParts } from './setting-kind';
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

/** Every backup the baseline's parts came from, the first change's first. */
export function backupsOf(record: JournalData): string[] {
  return record.baseline ? [record.baseline.backupFile, ...(record.baseline.laterBackups ?? [])] : [];
}

/**
 * Puts back the baseline: the registry values, the range (recorded by any change that set
 * MaxUserPort, since Windows reshapes it at the next restart) and then the reservations, each
 * only once no range covers its port (undo-goal.ts). Refuses, unless forced, when someone changed
 * a part since this tool did.
 */
export async function undoChange(engine: ChangeEngine, force: boolean, folder: string, restartedSince: boolean): Promise<Undone | null> {
  const record = await engine.settled();
  if (!record.baseline || !record.lastWritten) return null;
  const baseline = record.baseline.states as States;
  await checkAgainstBackups(record.baseline.states, backupsOf(record), { stopped: 'Undo stopped', journalFile: engine.deps.journal.file });
  const backup = await engine.deps.makeBackup(folder);
  const current = await engine.capture(baseline, { registry: backup.snapshot });
  await recordNetshStates(backup, netshStates(current));

  // A baseline without the range (a journal from before it was recorded): the range read now stands for it.
  const rangeRead = baseline.dynamicRange ? undefined : await readRange(engine);
  const drift = engine.drift(record.lastWritten as States, rangeRead ? { ...current, dynamicRange: rangeRead } : current, restartedSince);
  if (drift.conflicts.length > 0 && !force) {
    throw new TunerError(
      'undo-refused',
      `Undo stopped: someone changed the settings since this tool did. ${drift.conflicts.map(changedSinceText).join(' ')} ` +
        'Nothing was changed. Undo anyway to put back the values from before the first change.',
    );
  }
  const { goal, kept } = undoGoal(baseline, current, (baseline.dynamicRange as RangeState | undefined) ?? rangeRead ?? null);
  const started = await engine.begin(record, { operation: 'undo', prior: current as KindStates, target: goal as KindStates, backupFile: backup.file });
  try {
    // The kinds in their fixed order: the range is back before any reservation is released.
    for (const kind of engine.kindsIn(goal)) {
      if (differingParts(kind, current[kind.id], goal[kind.id]).length > 0) await kind.restore(goal[kind.id], current[kind.id], engine.stepsOf(started, kind));
    }
  } catch (error) {
    throw await engine.rollBack(started, error);
  }
  await engine.finishAfterWrite(started, 'undo');
  const reshape = rangeRead ? drift.reshape : null;
  const unrecorded = reshape
    ? reshape.families.map((family) => ({
        name: `the ${FAMILY_LABELS[family]} dynamic port range`,
        now: rangeText(reshape.range),
        why: `Windows set it at the restart because of this tool's MaxUserPort ${reshape.maxUserPort}; the change was made before this tool recorded the range, so what it was before is not known`,
      }))
    : [];
  return {
    before: current as KindStates,
    now: goal as KindStates,
    baseline: record.baseline.states,
    stillChanged: [...kept, ...unrecorded],
    backup,
    restart: engine.needsRestart(current, goal),
  };
}

async function readRange(engine: ChangeEngine): Promise<RangeState | null> {
  const range = engine.deps.kinds.find((kind) => kind.id === 'dynamicRange');
  if (!range) return null;
  return (engine.read(range, undefined) as Promise<RangeState>).catch((error: unknown) => {
    if (error instanceof TunerError) return null;
    throw error;
  });
}
