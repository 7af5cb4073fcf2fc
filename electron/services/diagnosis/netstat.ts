import { answerBegan, textLines } from '../host/tool-answer';
import { isRowShaped, scanRow, type RowSink } from './netstat-row';
import type { TcpState } from './netstat-states';

/** One TCP socket as `netstat -ano -p tcp` (or tcpv6) lists it. */
export interface Socket {
  local: Endpoint;
  remote: Endpoint;
  state: TcpState;
  /** Absent where the tool shows no owner (Wine's netstat has no PID column). */
  pid?: number;
}
interface Endpoint {
  address: string;
  port: number;
}

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

/**
 * Every TCP row of netstat's output, Windows' (English or localised) and Wine's alike, CRLF or LF.
 * Read only when the answer has netstat's shape (a title, the column header, then rows): any
 * other answer, or a state word not known here, throws, so no socket is silently dropped (a
 * dropped LISTENING row is a port left unprotected). netstat-stream.ts reads the same way.
 */
export function parseNetstat(output: string): Socket[] {
  const lines = textLines(output);
  const header = lines.findIndex(isHeader);
  if (header < 0 || header > 1) throw noHeader(answerBegan(output));
  const sockets: Socket[] = [];
  for (const line of lines.slice(header + 1)) {
    readRow(line, (localAddress, localPort, remoteAddress, remotePort, state, pid) =>
      sockets.push({
        local: { address: localAddress, port: localPort },
        remote: { address: remoteAddress, port: remotePort },
        state,
        ...(pid === undefined ? {} : { pid }),
      }),
    );
  }
  return sockets;
}
