import type { Diagnosis } from '../../../shared/diagnosis';
import { listeningPorts } from './pool';
import { summarizeConnections } from './connections';
import type { Socket, TcpState } from './netstat';

type Tcp = NonNullable<Diagnosis['tcp']>;
type Listening = NonNullable<Diagnosis['ports']['listening']>;
interface Counts {
  timeWait: number;
  established: number;
  other: number;
}
/** The state's column in Counts: 0 TIME_WAIT, 1 ESTABLISHED, 2 any other. */
const columnOf = (state: TcpState) => (state === 'TIME_WAIT' ? 0 : state === 'ESTABLISHED' ? 1 : 2);
const COLUMNS = ['timeWait', 'established', 'other'] as const;
/** Room for every local port's three columns under one PID. */
const PID_STRIDE = 65_536 * 3;
const none = (): Counts => ({ timeWait: 0, established: 0, other: 0 });
const busiest = (a: Counts, b: Counts) => b.timeWait - a.timeWait || b.established - a.established || b.other - a.other;

/** What the diagnosis reads of the sockets: their summary, and the ports something listens on. */
export interface SocketSummary {
  tcp(names: Map<number, string> | null, listingKnown: boolean): Tcp;
  listening(names: Map<number, string> | null): Listening;
}

/** netstat's rows, parsed whole (the diagnosis), or tallied while netstat wrote them (a live sample). */
export function summaryOf(found: readonly Socket[] | SocketSummary): SocketSummary {
  if (!Array.isArray(found)) return found as SocketSummary;
  const sockets = found as readonly Socket[];
  return {
    tcp: (names, listingKnown) => summarizeConnections(sockets, names, listingKnown),
    listening: (names) => listeningPorts(sockets, names),
  };
}

/**
 * summarizeConnections in one pass as rows arrive, with no object per row: counters in Maps
 * keyed by numbers. A row's side (server or not) depends on listening rows that may come
 * later, so what depends on it is kept per local port and settled at the end. Maps keep their
 * first insertion's order, so ties fall in netstat's order, as in summarizeConnections.
 */
export class SocketTally implements SocketSummary {
  private readonly states: Record<string, number> = {};
  private withPids = false;
  /** Local port -> the PID of its first LISTENING row. */
  private readonly listeners = new Map<number, number | undefined>();
  private readonly remotes = new Map<string, Map<number, Tcp['remotes'][number]>>();
  /** (local port, IPv6?, column) -> sockets. */
  private readonly held = new Map<number, number>();
  /** (PID, local port, column) -> sockets, in netstat's order: PIDs and ports are bounded (netstat.ts), so the key is exact. */
  private readonly owned = new Map<number, number>();
  /** Local port -> TIME_WAIT sockets on it. */
  private readonly timeWaits = new Map<number, number>();

  readonly add = (
    localAddress: string,
    localPort: number,
    remoteAddress: string,
    remotePort: number,
    state: TcpState,
    pid: number | undefined,
  ): void => {
    this.states[state] = (this.states[state] ?? 0) + 1;
    if (pid !== undefined) this.withPids = true;
    if (state === 'LISTENING') {
      if (!this.listeners.has(localPort)) this.listeners.set(localPort, pid);
      return;
    }
    const column = columnOf(state);
    const heldKey = (localPort * 2 + (localAddress.includes(':') ? 1 : 0)) * 3 + column;
    this.held.set(heldKey, (this.held.get(heldKey) ?? 0) + 1);
    if (pid !== undefined && pid !== 0) {
      const ownedKey = pid * PID_STRIDE + localPort * 3 + column;
      this.owned.set(ownedKey, (this.owned.get(ownedKey) ?? 0) + 1);
    }
    if (state === 'BOUND') return;
    let byPort = this.remotes.get(remoteAddress);
    if (!byPort) this.remotes.set(remoteAddress, (byPort = new Map()));
    let remote = byPort.get(remotePort);
    if (!remote) byPort.set(remotePort, (remote = { address: remoteAddress, port: remotePort, ...none() }));
    remote[COLUMNS[column]] += 1;
    if (column === 0) this.timeWaits.set(localPort, (this.timeWaits.get(localPort) ?? 0) + 1);
  };

  tcp(names: Map<number, string> | null, listingKnown: boolean): Tcp {
    const held = { ipv4: none(), ipv6: none() };
    for (const [key, count] of this.held) {
      if (this.listeners.has(Math.floor(key / 6))) continue;
      held[Math.floor(key / 3) % 2 ? 'ipv6' : 'ipv4'][COLUMNS[key % 3]] += count;
    }
    return {
      states: { ...this.states },
      remotes: [...this.remotes.values()]
        .flatMap((byPort) => [...byPort.values()].map((remote) => ({ ...remote })))
        .sort(busiest),
      processes: this.withPids ? this.processes(names) : null,
      timeWait: this.timeWait(),
      held,
      serverTimeWait: listingKnown ? this.serverTimeWait(names) : null,
    };
  }

  listening(names: Map<number, string> | null): Listening {
    return [...this.listeners]
      .sort((a, b) => a[0] - b[0])
      .map(([port, pid]) => ({ port, process: pid === undefined ? null : (names?.get(pid) ?? null) }));
  }

  /** A PID ranks from its first socket on a port nothing listens on, as summarizeConnections meets it. */
  private processes(names: Map<number, string> | null): NonNullable<Tcp['processes']> {
    const processes = new Map<number, NonNullable<Tcp['processes']>[number]>();
    for (const [key, count] of this.owned) {
      const pid = Math.floor(key / PID_STRIDE);
      if (this.listeners.has(Math.floor((key % PID_STRIDE) / 3))) continue;
      let owner = processes.get(pid);
      if (!owner) processes.set(pid, (owner = { pid, name: names?.get(pid) ?? null, ...none() }));
      owner[COLUMNS[key % 3]] += count;
    }
    return [...processes.values()].sort(busiest);
  }

  private timeWait(): Tcp['timeWait'] {
    const timeWait = { outgoing: 0, onListeningPorts: 0 };
    for (const [port, count] of this.timeWaits)
      timeWait[this.listeners.has(port) ? 'onListeningPorts' : 'outgoing'] += count;
    return timeWait;
  }

  private serverTimeWait(names: Map<number, string> | null): NonNullable<Tcp['serverTimeWait']> {
    const owner = (port: number) => {
      const pid = this.listeners.get(port);
      return pid === undefined ? null : (names?.get(pid) ?? null);
    };
    return [...this.timeWaits]
      .filter(([port]) => this.listeners.has(port))
      .sort((a, b) => b[1] - a[1])
      .map(([port, count]) => ({ port, process: owner(port), timeWait: count }));
  }
}
