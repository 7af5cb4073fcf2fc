/** What the Applied page says about the rows Apply read back: only what the rows show. */
import { NOT_READ } from '../../shared/change-kinds';
import { needsRestart, type ChangeRow } from '../../shared/change-rows';

const isRange = (row: ChangeRow) => row.key.startsWith('dynamicRange.');
const isPort = (row: ChangeRow) => row.key.startsWith('port.');

/**
 * The sentences of the Applied message: how many rows read back and which did not, what is in
 * force at once (the range, the reservations, only where the change made them), and the restart.
 */
export function appliedSummary(changes: readonly ChangeRow[]): string[] {
  const unread = changes.filter((row) => row.after === NOT_READ);
  const readBack =
    unread.length === 0
      ? `All ${changes.length} rows read back as written.`
      : `${changes.length - unread.length} of ${changes.length} rows read back as written; not read back: ${unread.map((row) => row.label).join('; ')}.`;
  const made = changes.filter((row) => row.changed && row.after !== NOT_READ);
  const range = made.some(isRange);
  // Apply only adds reservations: a port row that changed is one it made.
  const reservations = made.some(isPort);
  const atOnce =
    range && reservations
      ? 'The new range and the reservations are'
      : range
        ? 'The new range is'
        : reservations
          ? 'The reservations are'
          : null;
  return [
    readBack,
    ...(atOnce ? [`${atOnce} in force now.`] : []),
    needsRestart(changes) ? 'Windows uses the registry values after its next restart.' : 'No restart is needed.',
  ];
}
