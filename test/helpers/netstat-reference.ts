/**
 * The whole-output reading the diagnosis used before netstat was tallied: every row an object,
 * then counted in a second pass. Kept only as the reference SocketTally must agree with, on
 * every capture and generated table (netstat-stream.test.ts); rows are read by the product's
 * own line reader, so what differs is only the counting.
 */
import type { Diagnosis } from '../../shared/diagnosis';
import { answerBegan, textLines } from '../../electron/services/host/tool-answer';
import { isHeader, noHeader, readRow } from '../../electron/services/diagnosis/netstat';
import { isRowShaped } from '../../electron/services/diagnosis/netstat-row';
import type { TcpState } from '../../electron/services/diagnosis/netstat-states';
import type { SocketSummary } from '../../electron/services/diagnosis/socket-tally';

type Listening = NonNullable<Diagnosis['ports']['listening']>;

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

/**
 * Every TCP row of netstat's output, Windows' (English or localised) and Wine's alike, CRLF or LF.
 * Read only when the answer has netstat's shape (a title, the column header, then rows): any
 * other answer, or a state word not known here, throws, so no socket is silently dropped (a
 * dropped LISTENING row is a port left unprotected).
 */
export function parseNetstat(output: string): Socket[] {
  const lines = textLines(output);
  const header = lines.findIndex(isHeader);
  if (header < 0 || header > 1 || (header === 1 && isRowShaped(lines[0]))) throw noHeader(answerBegan(output));
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

type Tcp = NonNullable<Diagnosis['tcp']>;
interface Counts {
  timeWait: number;
  established: number;
  other: number;
}

function tally(counts: Counts, socket: Socket): void {
  if (socket.state === 'TIME_WAIT') counts.timeWait += 1;
  else if (socket.state === 'ESTABLISHED') counts.established += 1;
  else counts.other += 1;
}

const busiest = (a: Counts, b: Counts) => b.timeWait - a.timeWait || b.established - a.established || b.other - a.other;
const none = (): Counts => ({ timeWait: 0, established: 0, other: 0 });

/**
 * Counts by state, per remote endpoint and per process, and which side holds each socket: one
 * whose local port something listens on belongs to a server (its TIME_WAIT means the server
 * closed first, and uses no outgoing port); any other holds one of this host's outgoing ports,
 * until TIME_WAIT ends. One pass over the rows: a sample of 70,000 sockets stays cheap.
 * `listingKnown`: false where netstat lists no listening sockets (Wine), so no side can be told.
 */
export function summarizeConnections(
  sockets: readonly Socket[],
  names: Map<number, string> | null,
  listingKnown = true,
): Tcp {
  const states: Record<string, number> = {};
  const remotes = new Map<string, Map<number, Tcp['remotes'][number]>>();
  const processes = new Map<number, NonNullable<Tcp['processes']>[number]>();
  const listening = new Map<number, number | undefined>();
  for (const socket of sockets)
    if (socket.state === 'LISTENING' && !listening.has(socket.local.port)) listening.set(socket.local.port, socket.pid);
  const timeWait = { outgoing: 0, onListeningPorts: 0 };
  const held = { ipv4: none(), ipv6: none() };
  const server = new Map<number, number>();
  let withPids = false;
  const ownerOf = (pid: number) => {
    let owner = processes.get(pid);
    if (!owner) processes.set(pid, (owner = { pid, name: names?.get(pid) ?? null, ...none() }));
    return owner;
  };
  for (const socket of sockets) {
    states[socket.state] = (states[socket.state] ?? 0) + 1;
    if (socket.pid !== undefined) withPids = true;
    if (socket.state === 'LISTENING') continue;
    const serverSide = listening.has(socket.local.port);
    if (!serverSide) tally(socket.local.address.includes(':') ? held.ipv6 : held.ipv4, socket);
    // By ports held: a server's accepted connections hold none of this host's outgoing ports.
    if (socket.pid !== undefined && socket.pid !== 0 && !serverSide) tally(ownerOf(socket.pid), socket);
    // A BOUND socket (netstat -q) holds a port and has no remote end: held (other), under no remote.
    if (socket.state === 'BOUND') continue;
    // Keyed by address, then port: no string is built per row, which 70,000 rows a sample would feel.
    let byPort = remotes.get(socket.remote.address);
    if (!byPort) remotes.set(socket.remote.address, (byPort = new Map()));
    let remote = byPort.get(socket.remote.port);
    if (!remote)
      byPort.set(
        socket.remote.port,
        (remote = { address: socket.remote.address, port: socket.remote.port, ...none() }),
      );
    tally(remote, socket);
    if (socket.state !== 'TIME_WAIT') continue;
    if (!serverSide) timeWait.outgoing += 1;
    else {
      timeWait.onListeningPorts += 1;
      server.set(socket.local.port, (server.get(socket.local.port) ?? 0) + 1);
    }
  }
  const owner = (port: number) => {
    const pid = listening.get(port);
    return pid === undefined ? null : (names?.get(pid) ?? null);
  };
  return {
    states,
    remotes: [...remotes.values()].flatMap((byPort) => [...byPort.values()]).sort(busiest),
    processes: withPids ? [...processes.values()].sort(busiest) : null,
    timeWait,
    held,
    serverTimeWait: listingKnown
      ? [...server]
          .sort((a, b) => b[1] - a[1])
          .map(([port, count]) => ({ port, process: owner(port), timeWait: count }))
      : null,
  };
}

/** Every port something listens on, once, with its owner where netstat names it. */
export function listeningPorts(sockets: readonly Socket[], names: Map<number, string> | null): Listening {
  const ports = new Map<number, string | null>();
  for (const socket of sockets) {
    if (socket.state !== 'LISTENING' || ports.has(socket.local.port)) continue;
    ports.set(socket.local.port, socket.pid === undefined ? null : (names?.get(socket.pid) ?? null));
  }
  return [...ports].sort((a, b) => a[0] - b[0]).map(([port, process]) => ({ port, process }));
}

/** The reference reading as the diagnosis composes it. */
export function referenceSummary(output: string): SocketSummary {
  const sockets = parseNetstat(output);
  return {
    tcp: (names, listingKnown) => summarizeConnections(sockets, names, listingKnown),
    listening: (names) => listeningPorts(sockets, names),
  };
}
