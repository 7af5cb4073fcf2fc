import type { Diagnosis } from '../../../shared/diagnosis';
import type { Socket } from './netstat';

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

/**
 * Counts by state, per remote endpoint and per process, and which side holds the TIME_WAIT
 * sockets: one whose local port something listens on belongs to a server that closed first and
 * uses no outgoing port; any other is this host's own outgoing port, held until TIME_WAIT ends.
 */
export function summarizeConnections(sockets: readonly Socket[], names: Map<number, string> | null): Tcp {
  const states: Record<string, number> = {};
  const remotes = new Map<string, Tcp['remotes'][number]>();
  const processes = new Map<number, NonNullable<Tcp['processes']>[number]>();
  const listening = new Set(sockets.filter((socket) => socket.state === 'LISTENING').map((socket) => socket.local.port));
  const timeWait = { outgoing: 0, onListeningPorts: 0 };
  for (const socket of sockets) {
    states[socket.state] = (states[socket.state] ?? 0) + 1;
    if (socket.state === 'LISTENING') continue;
    const key = `${socket.remote.address} ${socket.remote.port}`;
    const remote = remotes.get(key) ?? { address: socket.remote.address, port: socket.remote.port, timeWait: 0, established: 0, other: 0 };
    tally(remote, socket);
    remotes.set(key, remote);
    if (socket.pid !== undefined && socket.pid !== 0) {
      const owner = processes.get(socket.pid) ?? { pid: socket.pid, name: names?.get(socket.pid) ?? null, timeWait: 0, established: 0, other: 0 };
      tally(owner, socket);
      processes.set(socket.pid, owner);
    }
    if (socket.state === 'TIME_WAIT') {
      if (listening.has(socket.local.port)) timeWait.onListeningPorts += 1;
      else timeWait.outgoing += 1;
    }
  }
  const withPids = sockets.some((socket) => socket.pid !== undefined);
  return {
    states,
    remotes: [...remotes.values()].sort(busiest),
    processes: withPids ? [...processes.values()].sort(busiest) : null,
    timeWait,
  };
}
