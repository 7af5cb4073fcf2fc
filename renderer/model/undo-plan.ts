import type { Status } from '../../shared/contract';
import { describeValue, type ValueState } from '../../shared/registry-value';
import { SETTING_NAMES } from '../../shared/settings';

/** What undo puts back: the values from before this tool's first change since the last undo. */
export type Baseline = NonNullable<Status['undo']>;

export function sameValue(a: ValueState, b: ValueState): boolean {
  if (!a.present || !b.present) return a.present === b.present;
  return a.type === b.type && JSON.stringify(a.data) === JSON.stringify(b.data);
}

/** One plain line per setting: what undo will do to it, from its current value. */
export function undoSteps(baseline: Baseline, current: Status['values']): string[] {
  return SETTING_NAMES.map((name) => {
    const before = baseline.values[name];
    const now = current[name];
    if (sameValue(before, now)) return `Leave ${name} as it is (${describeValue(now)}, as before)`;
    if (!before.present) return `Delete ${name} (it was not set before; now ${describeValue(now)})`;
    return `Set ${name} back to ${describeValue(before)} (now ${describeValue(now)})`;
  });
}
