/**
 * One live reading of the port pool: what `sample` answers every few seconds, what the page
 * keeps a ring of and `watch` prints. Small on purpose (the top five of each list, never the
 * raw rows), so thirty minutes of them stay a few hundred kilobytes.
 */
import type { Diagnosis } from './diagnosis';
import type { Family } from './families';
import { freePorts } from './port-pool';

/** The top five of each list: what a DBA reads, and what keeps a sample small. */
const SAMPLE_TOP = 5;

interface StateCounts {
  timeWait: number;
  established: number;
  other: number;
}

/** Its schema (pool-sample-schema.ts) is checked against this shape where it is defined. */
export interface PoolSample {
  /** Milliseconds since 1970, when the rows were read. */
  at: number;
  tcp: {
    sockets: number;
    /** Bound but unconnected sockets (netstat -anoq, state BOUND): they hold ports too. Null where netstat cannot list them. */
    bound: number | null;
    held: Record<Family, StateCounts>;
    remotes: ({ address: string; port: number } & StateCounts)[];
    processes: ({ pid: number; name: string | null } & StateCounts)[] | null;
    serverTimeWait: { port: number; process: string | null; timeWait: number }[] | null;
  } | null;
  /** The dynamic range less its exclusions, per family; null where netsh was not read. */
  pool: Record<Family, number | null>;
  events: { count: number; latest: string | null } | null;
  /** The alert: past the threshold, a snapshot was saved (its file), or why it was not (at most one a minute). */
  alert: { threshold: number; snapshot: string | null; note: string } | null;
  unavailable: Record<string, string>;
}

/** The alert's default: 80% of the pool, as windows_exporter dashboards and health checks commonly warn. */
export const DEFAULT_THRESHOLD = 80;
export const THRESHOLD_LIMITS = { min: 1, max: 100 } as const;

/** The diagnosis cut to what the live page and `watch` keep: the top five of each list, no rows. */
export function sampleOf(diagnosis: Diagnosis, at: number): PoolSample {
  const { tcp, ports } = diagnosis;
  const pool = (family: Family) => {
    const range = ports.dynamic[family];
    const excluded = ports.excluded[family];
    return range && excluded ? freePorts(range, excluded) : null;
  };
  return {
    at,
    tcp: tcp && {
      sockets: Object.values(tcp.states).reduce((sum, count) => sum + count, 0),
      bound: 'bound' in diagnosis.unavailable ? null : (tcp.states.BOUND ?? 0),
      held: tcp.held,
      remotes: tcp.remotes.slice(0, SAMPLE_TOP),
      processes: tcp.processes && tcp.processes.slice(0, SAMPLE_TOP),
      serverTimeWait: tcp.serverTimeWait && tcp.serverTimeWait.slice(0, SAMPLE_TOP),
    },
    pool: { ipv4: pool('ipv4'), ipv6: pool('ipv6') },
    events: diagnosis.events && { count: diagnosis.events.count, latest: diagnosis.events.latest },
    alert: null,
    unavailable: diagnosis.unavailable,
  };
}
