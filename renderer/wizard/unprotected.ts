/** The wizard's side of the rule in electron/services/change/unprotected-check.ts, so the page asks before the main side refuses. */
import type { Diagnosis } from '../../shared/diagnosis';
import { ALWAYS_PROTECTED, holdIn, inRange, rangeWithMaxUserPort } from '../../shared/port-pool';
import type { PortRange } from '../../shared/port-range';
import { portList } from '../../shared/reserved-ports';
import type { NetshUnknown } from './templates';

/** MySQL's ports a MaxUserPort change leaves open inside the range it makes; `reading` while netsh has not answered yet. */
export interface Unprotected {
  ports: number[];
  reading: boolean;
  /** The range MaxUserPort makes after a restart, which covers them. */
  range: PortRange;
}

/** The acceptance the DBA ticks, naming the exact ports. */
export function acceptLabel(ports: readonly number[]): string {
  return `I accept that ${portList(ports)} ${ports.length === 1 ? 'is' : 'are'} unprotected`;
}

/**
 * Null unless the change sets MaxUserPort and 3306 or 33060, inside 1024-MaxUserPort, is neither
 * reserved by it nor already held in both families: netsh unread counts as not held, since
 * nobody can tell.
 */
export function unprotectedBy(
  maxUserPort: number | undefined,
  reserve: readonly number[],
  diagnosis: Diagnosis | null,
  unknown: NetshUnknown | null,
): Unprotected | null {
  if (maxUserPort === undefined) return null;
  const reshaped = rangeWithMaxUserPort(maxUserPort);
  const exposed = ALWAYS_PROTECTED.filter((port) => inRange(port, reshaped) && !reserve.includes(port));
  const excluded = diagnosis?.ports.excluded;
  const open =
    unknown || !excluded
      ? exposed
      : exposed.filter(
          (port) => holdIn(excluded.ipv4 ?? [], port) === 'open' || holdIn(excluded.ipv6 ?? [], port) === 'open',
        );
  return open.length > 0 ? { ports: open, reading: unknown?.reading === true, range: reshaped } : null;
}

/**
 * Why Next and Apply wait for the DBA, or null when they need not. While netsh is still being
 * read there is nothing to accept yet: Review holds Apply until it has answered (unknownPorts).
 */
export function blockedBy(unprotected: Unprotected | null, accepted: boolean): string | null {
  if (!unprotected || unprotected.reading || accepted) return null;
  return `Reserve ${portList(unprotected.ports)} or tick "${acceptLabel(unprotected.ports)}" to go on.`;
}
