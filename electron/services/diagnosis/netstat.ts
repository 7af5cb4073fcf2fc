/** One TCP socket as `netstat -ano -p tcp` (or tcpv6) lists it. */
export interface Socket {
  local: Endpoint;
  remote: Endpoint;
  state: TcpState;
  /** Absent where the tool shows no owner (Wine's netstat has no PID column). */
  pid?: number;
}
export interface Endpoint {
  address: string;
  port: number;
}

export const TCP_STATES = [
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
 * netstat prints the state in the display language on some Windows editions; these are the
 * German ones. Addresses, ports and the PID are never translated, so a row is read by its shape.
 */
const LOCALISED: Record<string, TcpState> = {
  ABHÖREN: 'LISTENING',
  HERGESTELLT: 'ESTABLISHED',
  WARTEND: 'TIME_WAIT',
  SCHLIESSEN_WARTEN: 'CLOSE_WAIT',
  SYN_GESENDET: 'SYN_SENT',
  SYN_EMPFANGEN: 'SYN_RECEIVED',
  GESCHLOSSEN: 'CLOSED',
  LETZTE_BESTÄTIGUNG: 'LAST_ACK',
};
const KNOWN = new Set<string>(TCP_STATES);

// "  TCP    10.0.0.4:50123    [fe80::1%4]:3306    TIME_WAIT    0"
const ROW = /^\s*TCP\s+(\S+):(\d+)\s+(\S+):(\d+)\s+(\S+)(?:\s+(\d+))?\s*$/i;

/** Every TCP row of netstat's output, Windows' (English or localised) and Wine's alike, CRLF or LF. */
export function parseNetstat(output: string): Socket[] {
  const sockets: Socket[] = [];
  for (const line of output.split('\n')) {
    const match = ROW.exec(line);
    if (!match) continue;
    const named = match[5].toUpperCase();
    const state = KNOWN.has(named) ? (named as TcpState) : LOCALISED[named];
    if (!state) continue;
    sockets.push({
      local: { address: unbracket(match[1]), port: Number(match[2]) },
      remote: { address: unbracket(match[3]), port: Number(match[4]) },
      state,
      ...(match[6] === undefined ? {} : { pid: Number(match[6]) }),
    });
  }
  return sockets;
}

function unbracket(address: string): string {
  return address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
}
