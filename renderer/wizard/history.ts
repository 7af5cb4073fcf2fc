import type { HistoryEntry } from '../../shared/contract';

/**
 * After an undo, and before any new change: when this tool first changed the machine and when
 * that was undone, from the journal's history (oldest first). Null when the last change stands
 * or there is none, so the Check page never says "not changed" of a machine that was.
 */
export function lastUndone(history: readonly HistoryEntry[]): { changed: string; undone: string } | null {
  const acts = history.filter((entry) => entry.action === 'apply' || entry.action === 'undo');
  const undo = acts.at(-1);
  if (undo?.action !== 'undo') return null;
  const earlier = acts.slice(0, -1);
  const previousUndo = earlier.findLastIndex((entry) => entry.action === 'undo');
  const first = earlier.slice(previousUndo + 1).find((entry) => entry.action === 'apply');
  return first ? { changed: first.at, undone: undo.at } : null;
}
