/** How an undo reads on the Undone page and in the CLI: one row per part, and one summary that is never "back as it was" while a part is not. */
import type { UndoResult } from './change-reports';
import { rows, type ChangeRow } from './change-rows';

export type Undone = Extract<UndoResult, { status: 'undone' }>;

export const ALL_BACK = 'Everything this tool changed is back as it was before its first change.';

/**
 * Each part as the undo found it and as it reads now; a row the undo did not change is marked
 * unchanged by `changed`, and one still unlike the baseline says "kept".
 */
export function undoRows(result: Undone): ChangeRow[] {
  const unlikeBaseline = new Set(
    rows(result.baseline, result.now)
      .filter((row) => row.changed)
      .map((row) => row.key),
  );
  return rows(result.before, result.now).map((row) =>
    unlikeBaseline.has(row.key) ? { ...row, after: `${row.after} (kept)` } : row,
  );
}

/** Whether every part is as before the first change. */
export const allBack = (result: Undone): boolean => result.stillChanged.length === 0;

/** The parts still unlike the baseline, one sentence each: "Port 3306 (IPv4) stays reserved: the IPv4 range ... covers it." */
export function stillChangedLines(result: Undone): string[] {
  return result.stillChanged.map(
    ({ name, now, why }) => `${name[0].toUpperCase()}${name.slice(1)} stays ${now}: ${why}.`,
  );
}
