/** How the service's answers read: a backup, what undo would put back, hand changes, when a change takes effect. */
import { EFFECT_TEXT } from '../../shared/families';
import type { Backup, Status } from '../../shared/contract';
import { SETTING_NAMES, type PerSetting } from '../../shared/settings';
import { describeValue, sameState, type ValueState } from '../../shared/registry-value';
import type { VerifiedBackup } from './backup/backup';
import { reportStates } from './change/kind-states';
import type { JournalData } from './change/journal';
import { effectiveValues } from '../../shared/in-force';
import { valueStatesOf } from './registry/snapshot';

/** Registry values that differ from what this tool last wrote: someone else changed them since. */
export function registryChanges(
  written: PerSetting<ValueState>,
  values: PerSetting<ValueState>,
): Status['outsideChanges'] {
  return SETTING_NAMES.filter((name) => !sameState(written[name], values[name])).map((name) => ({
    kind: 'registry',
    name,
    was: describeValue(written[name]),
    now: describeValue(values[name]),
  }));
}

export const takesEffect = (restart: boolean) => EFFECT_TEXT[restart ? 'after-restart' : 'at-once'];

/** A backup as the wizard and the CLI see it: without the exact data kept for restoring. */
export function reportOf({ snapshot: _exact, digest: _digest, ...backup }: VerifiedBackup): Backup {
  return backup;
}

/** The values before this tool's first change, while a change of its own stands to be undone. */
export function undoOf(record: JournalData): Status['undo'] {
  return record.baseline && record.lastWritten
    ? { at: record.baseline.at, values: reportStates(record.baseline.states) }
    : null;
}

/** A change Windows has not started with yet: the numbers it works with differ from those at the last start (`bootTime`). */
export function restartPendingOf(record: JournalData, values: PerSetting<ValueState>, bootTime: number): boolean {
  const since = record.sinceBoot;
  if (!since || Date.parse(since.at) <= bootTime) return false;
  const atBoot = effectiveValues(valueStatesOf(since.registry));
  const now = effectiveValues(values);
  return SETTING_NAMES.some((name) => atBoot[name] !== now[name]);
}
