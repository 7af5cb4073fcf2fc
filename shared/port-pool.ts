import { OBSERVED_FIRST_PORT } from './capacity';
import { DYNAMIC_RANGE_LIMITS, lastPortOf, type PortRange } from './port-range';

/** Ports a MySQL host always has in mind, listening now or not: MySQL classic and X protocol. */
export const ALWAYS_PROTECTED = [3306, 33060] as const;

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

export function inRange(port: number, range: PortRange): boolean {
  return port >= range.start && port <= lastPortOf(range);
}

/**
 * The widest dynamic range that leaves out every port to protect and every exclusion. Ports to
 * protect are the fixed ones servers listen on (below the range in force; those inside it took
 * their port from the range itself) and MySQL's two. Null when no block of 255 ports is free.
 */
export function recommendRange(protect: readonly number[], exclusions: readonly Block[]): PortRange | null {
  const { firstStart, lastPort, minCount } = DYNAMIC_RANGE_LIMITS;
  const blocked: Block[] = [...new Set([...protect, ...ALWAYS_PROTECTED])].map((port) => ({ start: port, end: port }));
  const sorted = [...blocked, ...exclusions].sort((a, b) => a.start - b.start);
  let best: PortRange | null = null;
  let next: number = firstStart;
  for (const block of [...sorted, { start: lastPort + 1, end: lastPort + 1 }]) {
    const count = Math.min(block.start - 1, lastPort) - next + 1;
    if (count >= minCount && (!best || count > best.count)) best = { start: next, count };
    next = Math.max(next, block.end + 1);
  }
  return best;
}
