import { isRowShaped, scanRow, type RowSink } from './netstat-row';

/** "Proto  Local Address  Foreign Address  State  [PID]" in any language: four or five columns, and no row. */
export const isHeader = (line: string) => !isRowShaped(line) && [4, 5].includes(line.trim().split(/\s{2,}/).length);
export const noHeader = (began: string) => new Error(`netstat's answer had no column header (${began})`);

/**
 * One line after the header: a TCP row goes to `sink`, a UDP row and a blank line are skipped,
 * anything else throws with the line named. A port or PID past what Windows can hold is no
 * connection either.
 */
export function readRow(line: string, sink: RowSink): void {
  const scanned = scanRow(line, sink);
  if (scanned === null) throw new Error(`netstat's answer held a line that is not a connection: "${line.trim()}"`);
  if (typeof scanned === 'object')
    throw new Error(`netstat printed a state this tool does not know: ${scanned.unknownState}`);
}
