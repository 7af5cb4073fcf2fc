import type { HistoryEntry, Status } from '../../shared/contract';
import { describeValue, type ValueState } from '../../shared/registry-value';
import { SETTING_NAMES, type PerSetting } from '../../shared/settings';

export interface Baseline {
  /** When this tool first changed the values since the last undo. */
  at: string;
  values: PerSetting<ValueState>;
}

export function sameValue(a: ValueState, b: ValueState): boolean {
  if (!a.present || !b.present) return a.present === b.present;
  return a.type === b.type && JSON.stringify(a.data) === JSON.stringify(b.data);
}

function samePair(a: PerSetting<ValueState>, b: PerSetting<ValueState>): boolean {
  return SETTING_NAMES.every((name) => sameValue(a[name], b[name]));
}

/**
 * What "Undo changes" returns to, read from the history the journal keeps: the values from
 * before the first change since the last undo. Rolled-back attempts changed nothing; a
 * recovered entry that lands on the baseline was an interrupted undo that was finished.
 */
export function baselineOf(history: readonly HistoryEntry[]): Baseline | null {
  let baseline: Baseline | null = null;
  for (const entry of history) {
    if (entry.action === 'undo') {
      baseline = null;
    } else if (entry.action !== 'rollback' && !samePair(entry.before, entry.after)) {
      if (entry.action === 'recovered' && baseline && samePair(entry.after, baseline.values)) baseline = null;
      else baseline ??= { at: entry.at, values: entry.before };
    }
  }
  return baseline;
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
