import { answerBegan, textLines } from '../host/tool-answer';

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

const TCP_STATES = [
  'LISTENING',
  'SYN_SENT',
  'SYN_RECEIVED',
  'ESTABLISHED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
  'DELETE_TCB',
  'CLOSED',
  'BOUND',
] as const;
export type TcpState = (typeof TCP_STATES)[number];

/**
 * States not spelt as Windows' English netstat spells them. German Windows translates them
 * (Spanish, French, Russian, Chinese, Japanese and Korean print the English words), and Wine
 * has three spellings of its own. Addresses, ports and the PID are never translated, so a row
 * is read by its shape.
 */
const OTHER_SPELLINGS: Record<string, TcpState> = {
  ABHÖREN: 'LISTENING',
  HERGESTELLT: 'ESTABLISHED',
  WARTEND: 'TIME_WAIT',
  SCHLIESSEN_WARTEN: 'CLOSE_WAIT',
  FIN_WARTEN_1: 'FIN_WAIT_1',
  FIN_WARTEN_2: 'FIN_WAIT_2',
  SYN_GESENDET: 'SYN_SENT',
  SYN_EMPFANGEN: 'SYN_RECEIVED',
  GESCHLOSSEN: 'CLOSED',
  LETZTE_BESTÄTIGUNG: 'LAST_ACK',
  SYN_RCVD: 'SYN_RECEIVED',
  FIN_WAIT1: 'FIN_WAIT_1',
  FIN_WAIT2: 'FIN_WAIT_2',
};
const KNOWN = new Set<string>(TCP_STATES);

// "  TCP    10.0.0.4:50123    [fe80::1%4]:3306    TIME_WAIT    0"
const ROW = /^\s*TCP\s+(\S+):(\d+)\s+(\S+):(\d+)\s+(\S+)(?:\s+(\d+))?\s*$/i;
const UDP_ROW = /^\s*UDP\s/i;
/** "Proto  Local Address  Foreign Address  State  [PID]" in any language: four or five columns. */
export const isHeader = (line: string) =>
  !ROW.test(line) && !UDP_ROW.test(line) && [4, 5].includes(line.trim().split(/\s{2,}/).length);
export const noHeader = (began: string) => new Error(`netstat's answer had no column header (${began})`);

/** One row's fields, handed on as they are read: a streaming reader builds no object per row. */
export type RowSink = (
  localAddress: string,
  localPort: number,
  remoteAddress: string,
  remotePort: number,
  state: TcpState,
  pid: number | undefined,
) => void;
const MAX_PORT = 65_535;
const MAX_PID = 0xffff_ffff;

/**
 * One line after the header: a TCP row goes to `sink`, a UDP row is skipped, anything else
 * throws with the line named. A port or PID past what Windows can hold is no connection either.
 */
export function readRow(line: string, sink: RowSink): void {
  if (UDP_ROW.test(line)) return;
  const match = ROW.exec(line);
  const localPort = match ? Number(match[2]) : 0;
  const remotePort = match ? Number(match[4]) : 0;
  const pid = match?.[6] === undefined ? undefined : Number(match[6]);
  if (!match || localPort > MAX_PORT || remotePort > MAX_PORT || (pid ?? 0) > MAX_PID)
    throw new Error(`netstat's answer held a line that is not a connection: "${line.trim()}"`);
  const named = match[5].toUpperCase();
  const state = KNOWN.has(named) ? (named as TcpState) : OTHER_SPELLINGS[named];
  if (!state) throw new Error(`netstat printed a state this tool does not know: ${match[5]}`);
  sink(unbracket(match[1]), localPort, unbracket(match[3]), remotePort, state, pid);
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

function unbracket(address: string): string {
  return address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
}
