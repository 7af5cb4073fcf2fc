import { stateOf, type TcpState } from './netstat-states';

/** One row's fields, handed on as they are read: a reader builds no object per row. */
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
// "  TCP    10.0.0.4:50123    [fe80::1%4]:3306    TIME_WAIT    0": one compiled pattern is the
// fastest reader of a row; a scan by hand, character by character, measured slower (docs/benchmark.md).
const ROW = /^\s*TCP\s+(\S+):(\d+)\s+(\S+):(\d+)\s+(\S+)(?:\s+(\d+))?\s*$/i;
const UDP_ROW = /^\s*UDP\s/i;
const ROW_SHAPED = /^\s*(?:TCP|UDP)\s/i;

/** A line that begins as a row does ("TCP " or "UDP ", any case), whatever follows: never a header. */
export const isRowShaped = (line: string) => ROW_SHAPED.test(line);

/** What a line was: a TCP row (handed on), a UDP row, blank, a row whose state is not known, or none of these (null). */
export type Scanned = 'tcp' | 'udp' | 'blank' | { unknownState: string } | null;

/**
 * One line of the shape `  TCP  local:port  remote:port  STATE  [PID]` (any case, any spaces,
 * a CR at its end): its fields go to `sink` and it answers 'tcp'. A UDP row answers 'udp', a
 * blank line 'blank', a row with a state word not known that word; anything else, a port or
 * PID past what Windows can hold included, answers null. Only a 'tcp' line is handed on.
 */
export function scanRow(line: string, sink: RowSink): Scanned {
  const match = ROW.exec(line);
  if (!match) return UDP_ROW.test(line) ? 'udp' : line.trim() === '' ? 'blank' : null;
  const localPort = Number(match[2]);
  const remotePort = Number(match[4]);
  const pid = match[6] === undefined ? undefined : Number(match[6]);
  if (localPort > MAX_PORT || remotePort > MAX_PORT || (pid ?? 0) > MAX_PID) return null;
  const state = stateOf(match[5]);
  if (!state) return { unknownState: match[5] };
  sink(unbracket(match[1]), localPort, unbracket(match[3]), remotePort, state, pid);
  return 'tcp';
}

const unbracket = (address: string) =>
  address.charCodeAt(0) === 91 && address.charCodeAt(address.length - 1) === 93 ? address.slice(1, -1) : address;
