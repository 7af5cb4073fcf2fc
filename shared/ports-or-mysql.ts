/**
 * "Is it the ports?": one verdict from the evidence together: what the clients see, what MySQL
 * answered the probe, the share of the port pool held, TIME_WAIT towards that server, and
 * Tcpip events 4227 (a local endpoint reused too soon, close to 10048) and 4231 (the pool
 * exhausted, close to 10055). When the evidence says "not the ports", it says so first, with
 * MySQL's or the network's lever as the next step, never tuning. What the server answers now
 * comes before what the ports did over the last week.
 */
import { MYSQL_REFUSALS, type ProbeResult } from './probe';

export const CLIENT_ERRORS = [
  { code: '10048', text: '10048 WSAEADDRINUSE (address in use)' },
  { code: '10055', text: '10055 WSAENOBUFS (no buffer space)' },
  { code: '10060', text: '10060 WSAETIMEDOUT (timed out)' },
  { code: '10061', text: '10061 WSAECONNREFUSED (connection refused)' },
  { code: '2003', text: "2003 Can't connect to MySQL server" },
  { code: '2013', text: '2013 Lost connection to MySQL server' },
  { code: '1040', text: '1040 Too many connections' },
  { code: '1129', text: '1129 Host is blocked' },
  { code: '1130', text: '1130 Host is not allowed to connect' },
  { code: 'unknown', text: "I don't know" },
] as const;
export type ClientError = (typeof CLIENT_ERRORS)[number]['code'];

export interface Evidence {
  clientError: ClientError;
  probe: ProbeResult | null;
  /** Share of the pool held, 0 to 1; null where it was not read. */
  share: number | null;
  /** TIME_WAIT on this host towards the probed server; null where it cannot be told. */
  timeWaitToServer: number | null;
  /** Tcpip events in the System log over the last 7 days; null where not read. */
  events: { 4227: number; 4231: number } | null;
}

export interface PortsVerdict {
  /** ports: tuning here is the fix; mysql and network: it is not; calm: nothing points at the ports now; unknown: not enough evidence. */
  kind: 'ports' | 'mysql' | 'network' | 'calm' | 'unknown';
  title: string;
  /** The next step, in plain words. */
  next: string;
}

/** Past this share of the pool held, the ports are the likely cause whatever else is seen. */
const PORTS_SHARE = 0.8;

const NOT_PORTS = 'Tuning the ports here is not the next step.';
const REFUSALS: Record<string, string> = {
  '1040': 'too-many-connections',
  '1129': 'host-blocked',
  '1130': 'host-not-allowed',
};

export function portsOrMysql(evidence: Evidence): PortsVerdict {
  const { probe, clientError } = evidence;
  const exhaustionEvents = evidence.events ? evidence.events[4227] + evidence.events[4231] : 0;
  const portsFull = evidence.share !== null && evidence.share >= PORTS_SHARE;
  const portsSigns = portsFull || exhaustionEvents > 0 || probe?.class === 'ports-exhausted';
  const why = [
    portsFull ? `${Math.round(evidence.share! * 100)}% of the pool is held` : null,
    exhaustionEvents > 0 ? `Windows logged ${exhaustionEvents} port-exhaustion events (4227/4231) in 7 days` : null,
    evidence.timeWaitToServer ? `${evidence.timeWaitToServer} connections to that server wait in TIME_WAIT here` : null,
    probe?.class === 'ports-exhausted' ? 'the test found no free local port' : null,
  ].filter((part): part is string => part !== null);

  if (probe && MYSQL_REFUSALS.includes(probe.class)) {
    return {
      kind: 'mysql',
      title: `Not the ports: MySQL refused (${probe.message})`,
      next: `${probe.lever} ${NOT_PORTS}`,
    };
  }
  if (probe && ['refused', 'unreachable', 'name-not-found', 'timeout'].includes(probe.class)) {
    return {
      kind: 'network',
      title: `Not the ports: ${probe.class === 'refused' ? 'nothing listens there' : `the test got "${probe.class}"`} (${probe.message})`,
      next: `${probe.lever} ${NOT_PORTS}`,
    };
  }
  if (clientError in REFUSALS) {
    const seen = `Your clients see ${clientError}: MySQL refusing them, not the ports.`;
    const now =
      probe && (probe.class === 'ok' || probe.class === 'reachable')
        ? ' The test got in now: the refusals come and go with the load.'
        : '';
    return {
      kind: 'mysql',
      title: `Not the ports: MySQL refused (${clientError})`,
      next: `${seen}${now} ${NOT_PORTS}`,
    };
  }
  if (portsSigns) {
    return {
      kind: 'ports',
      title: `It is the ports: ${why.join('; ')}`,
      next: 'Back up, then widen the dynamic port range and shorten TIME_WAIT (Next).',
    };
  }
  if (probe && (probe.class === 'ok' || probe.class === 'reachable')) {
    const share =
      evidence.share === null ? 'the pool was not read' : `${Math.round(evidence.share * 100)}% of the pool is held`;
    const gap =
      probe.class === 'reachable'
        ? ' At exactly max_connections the made-up login still gets in: test with an account (USAGE only) to be sure.'
        : '';
    return {
      kind: 'calm',
      title: `Not the ports, now: MySQL answered and ${share}, with no exhaustion events`,
      next: `Watch the pool while the errors happen (Port pool, live).${gap}`,
    };
  }
  if (clientError === '10048' || clientError === '10055') {
    return {
      kind: 'ports',
      title: `Likely the ports: your clients see ${clientError}, which means no free local port`,
      next: 'Test the connection to MySQL to be sure, or go on to back up and tune (Next).',
    };
  }
  return {
    kind: 'unknown',
    title: 'Not known yet: test the connection to MySQL from this machine',
    next: 'Pick the error your clients see and press "Test the connection".',
  };
}
