import { DYNAMIC_RANGE_LIMITS, lastPortOf, type PortRange } from './port-range';
import type { Hold } from './reserved-ports';

/** Ports a MySQL host always has in mind, listening now or not: MySQL classic and X protocol. A change may leave them unreserved inside the range only when the user accepts it. */
export const ALWAYS_PROTECTED = [3306, 33060] as const;

/**
 * MySQL's default ports, listening now or not (a stopped server still needs its port later):
 * classic, X protocol, Group Replication / InnoDB Cluster (33061) and admin_port (33062, 8.0.14+).
 * The recommended range starts above them; a range that covers one offers it for reservation.
 */
export const MYSQL_PORTS = [...ALWAYS_PROTECTED, 33061, 33062] as const;

/**
 * Fixed ports of services often found beside MySQL, or that firewalls are written for: SQL
 * Server, RDP, PostgreSQL, WSD, WinRM, Redis, HTTP alternates, Elasticsearch, memcached, MongoDB.
 * The recommended range starts above all of these and MySQL's, so it never moves outgoing ports onto them.
 */
const WELL_KNOWN_SERVICE_PORTS = [1433, 3389, 5357, 5432, 5985, 5986, 6379, 8080, 8443, 9200, 11211, 27017] as const;

/** Where the dynamic range was seen to start after a restart with MaxUserPort set (Windows 11, Server build images). */
const OBSERVED_FIRST_PORT = 1024;

export interface Block {
  start: number;
  end: number;
}

/** Ports of the range that no exclusion reserves: what outgoing connections can really use. */
export function freePorts(range: PortRange, exclusions: readonly Block[]): number {
  const first = range.start;
  const last = lastPortOf(range);
  const taken = new Set<number>();
  for (const { start, end } of exclusions) {
    for (let port = Math.max(start, first); port <= Math.min(end, last); port++) taken.add(port);
  }
  return range.count - taken.size;
}

/** The range MaxUserPort was seen to give on modern Windows after a restart: 1024 to MaxUserPort. */
export function rangeWithMaxUserPort(maxUserPort: number): PortRange {
  return { start: OBSERVED_FIRST_PORT, count: maxUserPort - OBSERVED_FIRST_PORT + 1 };
}

/** How an exclusion list holds a port: a one-port administered exclusion (the form this tool adds), inside another, or neither. */
export function holdIn(exclusions: readonly (Block & { administered?: boolean })[], port: number): Hold {
  if (exclusions.some((range) => range.start === port && range.end === port && range.administered)) return 'reserved';
  return exclusions.some((range) => range.start <= port && port <= range.end) ? 'covered' : 'open';
}

export function inRange(port: number, range: PortRange): boolean {
  return port >= range.start && port <= lastPortOf(range);
}

/**
 * The recommended dynamic range: from just above MySQL's and the well-known service ports up to
 * 65535, the top Windows' own default keeps (firewall rules are written for 49152-65535).
 * Exclusions are holes, not walls: Windows never hands out an excluded port, so Hyper-V's and
 * WSL's blocks stay where they are and only lower the count of free ports. Listening ports
 * inside are reserved (portsToProtect), not cut around. The same on every machine, so that
 * a fleet ends up with one range.
 */
export function recommendRange(): PortRange {
  const start = Math.max(...MYSQL_PORTS, ...WELL_KNOWN_SERVICE_PORTS) + 1;
  return { start, count: DYNAMIC_RANGE_LIMITS.lastPort - start + 1 };
}

/**
 * The ports to reserve so that `range` takes none a server needs: MySQL's four, and the fixed
 * listening ports (those outside the range in force: the ones inside took their port from the
 * range itself), where they fall inside `range` and an exclusion of either family leaves them open.
 */
export function portsToProtect(
  range: PortRange,
  listening: readonly number[],
  rangeNow: PortRange | null,
  exclusions: Record<'ipv4' | 'ipv6', readonly Block[]>,
): number[] {
  const fixed = listening.filter((port) => !rangeNow || !inRange(port, rangeNow));
  const candidates = [...new Set([...fixed, ...MYSQL_PORTS])].sort((a, b) => a - b);
  return candidates.filter(
    (port) =>
      inRange(port, range) && (holdIn(exclusions.ipv4, port) === 'open' || holdIn(exclusions.ipv6, port) === 'open'),
  );
}
