import { changedSinceText } from '../../shared/change-kinds';
import type { Status } from '../../shared/contract';
import { valueProblem } from '../../shared/in-force';
import { SETTING_NAMES } from '../../shared/settings';

/** What undo puts back: the states from before this tool's first change since the last undo. */
export type Baseline = NonNullable<Status['undo']>;

/**
 * What the now/after table cannot say on its own: a value someone changed after this tool, which
 * undo overwrites, and a value that Windows will ignore again once it is back.
 */
export function undoNotes(baseline: Baseline, outside: Status['outsideChanges'] = []): string[] {
  const overwritten = outside.map((change) => `${changedSinceText(change)} Undo overwrites that.`);
  const ignored = SETTING_NAMES.flatMap((name) => {
    const problem = valueProblem(name, baseline.values[name]);
    return problem ? [`Windows will ignore ${name} again: ${problem}`] : [];
  });
  return [...overwritten, ...ignored];
}
