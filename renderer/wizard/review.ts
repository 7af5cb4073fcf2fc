/** What Review shows and what Apply sends, kept the same: the table the DBA read is the change that runs. */
import { rows, withRestart, type ChangeRow, type PartialState } from '../../shared/change-rows';
import type { DraftChange } from './types';
import { plannedState } from './change-state';

/** The change as reviewed: what Apply sends, and the table that says so. */
export interface Reviewed {
  change: DraftChange;
  rows: ChangeRow[];
  /** The state the rows start from: after a failed Apply, what is left is told against it. */
  now: PartialState;
}

/** The rows of `change` from `now`, with what the range becomes at the restart where MaxUserPort reshapes it. */
export function reviewRows(
  now: PartialState,
  changeRows: readonly ChangeRow[],
  change: DraftChange,
  usesDynamicPortRange: boolean,
): ChangeRow[] {
  return withRestart(changeRows, plannedState(now, change), usesDynamicPortRange);
}

/** A row's result in words: after Apply, and after the restart where that differs. */
const outcome = (row: ChangeRow) =>
  row.afterRestart === undefined ? row.after : `${row.after}, after the restart ${row.afterRestart}`;

/**
 * How the change Apply would send now differs from the one reviewed, one phrase per row: a row
 * gone (netsh no longer read, say), a row new, a row whose result differs. Empty when the same.
 */
export function drift(reviewed: Reviewed, now: Reviewed): string[] {
  const before = new Map(reviewed.rows.map((row) => [row.key, row]));
  const after = new Map(now.rows.map((row) => [row.key, row]));
  const gone = reviewed.rows.filter((row) => !after.has(row.key)).map((row) => `${row.label}: no longer in the change`);
  const added = now.rows.filter((row) => !before.has(row.key)).map((row) => `${row.label}: new, ${outcome(row)}`);
  const moved = now.rows.flatMap((row) => {
    const old = before.get(row.key);
    if (!old || outcome(old) === outcome(row)) return [];
    return [`${row.label}: now ${outcome(row)}; was ${outcome(old)}`];
  });
  const said = [...gone, ...added, ...moved];
  // A port reserved where another exclusion already covers it leaves the table as it was, but not the request.
  if (said.length === 0 && JSON.stringify(reviewed.change) !== JSON.stringify(now.change))
    return ['the ports to reserve'];
  return said;
}

/** What a failed Apply left changed: each row of the reviewed change that reads otherwise now than before Apply. */
export function leftChanged(reviewed: Reviewed, readNow: PartialState): ChangeRow[] {
  return rows(reviewed.now, readNow).filter((row) => row.changed);
}
