/**
 * One live reading of the port pool: what `sample` answers every few seconds, what the page
 * keeps a ring of and `watch` prints. Small on purpose (the top five of each list, never the
 * raw rows), so thirty minutes of them stay a few hundred kilobytes.
 */
import type * as z from 'zod/mini';
import type { Diagnosis } from './diagnosis';
import type { poolSampleSchema } from './pool-sample-schema';
import type { Family } from './families';
import { freePorts } from './port-pool';

/** The top five of each list: what a DBA reads, and what keeps a sample small. */
export const SAMPLE_TOP = 5;

export type PoolSample = z.infer<typeof poolSampleSchema>;

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
