import type { Diagnosis } from '../../../shared/diagnosis';
import type { RowSink } from './netstat-row';
import type { TcpState } from './netstat-states';

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
const PORTS = 65_536;
const none = (): Counts => ({ timeWait: 0, established: 0, other: 0 });
const busiest = (a: Counts, b: Counts) => b.timeWait - a.timeWait || b.established - a.established || b.other - a.other;

/** What the diagnosis reads of the sockets: their summary, and the ports something listens on. */
export interface SocketSummary {
  tcp(names: Map<number, string> | null, listingKnown: boolean): Tcp;
  listening(names: Map<number, string> | null): Listening;
}

/** A list of small numbers that grows as rows come: no object per entry. */
class Numbers {
  private values = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  at(index: number): number {
    return this.values[index];
  }
}

/**
 * netstat's rows counted in one pass as they arrive, with no object per row: counters in arrays
 * indexed by local port. A row's side (server or not) depends on listening rows that may come
 * later, so what depends on it is kept per local port, or for a process as a (process, port)
 * entry in netstat's order, and settled at the end. Ties fall in netstat's order.
 */
export class SocketTally implements SocketSummary {
  private readonly states: Record<string, number> = {};
  private withPids = false;
  private rows = 0;
  /** Local port -> the PID of its first LISTENING row. */
  private readonly listeners = new Map<number, number | undefined>();
  private readonly remotes = new Map<string, Map<number, Tcp['remotes'][number]>>();
  /** (local port, IPv6?, column) -> sockets: TIME_WAIT's column is also the port's TIME_WAIT count. */
  private readonly held = new Uint32Array(PORTS * 6);
  /** The local ports rows held, each once: what the end reads of `held`, not all 65,536. */
  private readonly ports = new Numbers();
  private readonly seen = new Uint8Array(PORTS);
  /** Local port -> its first TIME_WAIT row's number, from 1: the order of ties. */
  private readonly firstTimeWait = new Uint32Array(PORTS);
  /** PIDs in the order first met, and for each row a process owns: its PID's index, and its port and column. */
  private readonly pids = new Map<number, number>();
  private readonly ownerOfRow = new Numbers();
  private readonly portOfRow = new Numbers();

  readonly add: RowSink = (localAddress, localPort, remoteAddress, remotePort, state, pid) => {
    this.rows++;
    this.states[state] = (this.states[state] ?? 0) + 1;
    if (pid !== undefined) this.withPids = true;
    if (state === 'LISTENING') {
      if (!this.listeners.has(localPort)) this.listeners.set(localPort, pid);
      return;
    }
    const column = columnOf(state);
    if (this.seen[localPort] === 0) {
      this.seen[localPort] = 1;
      this.ports.push(localPort);
    }
    this.held[localPort * 6 + (localAddress.includes(':') ? 3 : 0) + column]++;
    if (pid !== undefined && pid !== 0) {
      let owner = this.pids.get(pid);
      if (owner === undefined) this.pids.set(pid, (owner = this.pids.size));
      this.ownerOfRow.push(owner);
      this.portOfRow.push(localPort * 3 + column);
    }
    if (state === 'BOUND') return;
    let byPort = this.remotes.get(remoteAddress);
    if (!byPort) this.remotes.set(remoteAddress, (byPort = new Map()));
    let remote = byPort.get(remotePort);
    if (!remote) byPort.set(remotePort, (remote = { address: remoteAddress, port: remotePort, ...none() }));
    // Each count by its name: a property key computed per row takes V8's generic, slower path.
    if (column === 1) remote.established++;
    else if (column === 2) remote.other++;
    else {
      remote.timeWait++;
      if (this.firstTimeWait[localPort] === 0) this.firstTimeWait[localPort] = this.rows;
    }
  };

  tcp(names: Map<number, string> | null, listingKnown: boolean): Tcp {
    // Sums by (family, column) over the ports nothing listens on; TIME_WAIT alone on the others.
    const outside = [0, 0, 0, 0, 0, 0];
    let onListeningPorts = 0;
    for (let index = 0; index < this.ports.length; index++) {
      const port = this.ports.at(index);
      const cell = port * 6;
      if (this.listeners.has(port)) onListeningPorts += this.held[cell] + this.held[cell + 3];
      else for (let at = 0; at < 6; at++) outside[at] += this.held[cell + at];
    }
    const counts = (at: number): Counts => ({
      timeWait: outside[at],
      established: outside[at + 1],
      other: outside[at + 2],
    });
    const held = { ipv4: counts(0), ipv6: counts(3) };
    const timeWait = { outgoing: outside[0] + outside[3], onListeningPorts };
    return {
      states: { ...this.states },
      remotes: [...this.remotes.values()]
        .flatMap((byPort) => [...byPort.values()].map((remote) => ({ ...remote })))
        .sort(busiest),
      processes: this.withPids ? this.processes(names) : null,
      timeWait,
      held,
      serverTimeWait: listingKnown ? this.serverTimeWait(names) : null,
    };
  }

  listening(names: Map<number, string> | null): Listening {
    return [...this.listeners]
      .sort((a, b) => a[0] - b[0])
      .map(([port, pid]) => ({ port, process: pid === undefined ? null : (names?.get(pid) ?? null) }));
  }

  /** A PID ranks from its first socket on a port nothing listens on, as netstat lists it. */
  private processes(names: Map<number, string> | null): NonNullable<Tcp['processes']> {
    const pidOf = [...this.pids.keys()];
    const processes = new Map<number, NonNullable<Tcp['processes']>[number]>();
    for (let row = 0; row < this.ownerOfRow.length; row++) {
      const portColumn = this.portOfRow.at(row);
      if (this.listeners.has(Math.floor(portColumn / 3))) continue;
      const pid = pidOf[this.ownerOfRow.at(row)];
      let owner = processes.get(pid);
      if (!owner) processes.set(pid, (owner = { pid, name: names?.get(pid) ?? null, ...none() }));
      owner[COLUMNS[portColumn % 3]] += 1;
    }
    return [...processes.values()].sort(busiest);
  }

  /** Listening ports by their TIME_WAIT sockets, most first, ties in netstat's order. */
  private serverTimeWait(names: Map<number, string> | null): NonNullable<Tcp['serverTimeWait']> {
    const timeWaitOn = (port: number) => this.held[port * 6] + this.held[port * 6 + 3];
    return [...this.listeners]
      .filter(([port]) => timeWaitOn(port) > 0)
      .sort(([a], [b]) => timeWaitOn(b) - timeWaitOn(a) || this.firstTimeWait[a] - this.firstTimeWait[b])
      .map(([port, pid]) => ({
        port,
        process: pid === undefined ? null : (names?.get(pid) ?? null),
        timeWait: timeWaitOn(port),
      }));
  }
}
