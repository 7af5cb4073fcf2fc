import type { Status } from '../../shared/contract';
import { valueProblem } from '../../shared/in-force';
import { describeValue, sameState } from '../../shared/registry-value';
import { SETTING_NAMES } from '../../shared/settings';

/** What undo puts back: the values from before this tool's first change since the last undo. */
export type Baseline = NonNullable<Status['undo']>;

/** One plain line per setting: what undo will do to it, from its current value. */
export function undoSteps(baseline: Baseline, current: Status['values'], outside: Status['outsideChanges'] = []): string[] {
  return SETTING_NAMES.map((name) => {
    const before = baseline.values[name];
    const now = current[name];
    const changed = outside.find((change) => change.name === name);
    const overwrite = changed ? ` It was changed outside this tool from ${changed.was} to ${changed.now}; undo overwrites that.` : '';
    if (sameState(before, now)) return `Leave ${name} as it is (${describeValue(now)}, as before).${overwrite}`;
    if (!before.present) return `Delete ${name} (it was not set before; now ${describeValue(now)}).${overwrite}`;
    const ignored = valueProblem(name, before) ? ` Windows will ignore it again: ${valueProblem(name, before)}` : '';
    return `Set ${name} back to ${describeValue(before)} (now ${describeValue(now)}).${ignored}${overwrite}`;
  });
}
