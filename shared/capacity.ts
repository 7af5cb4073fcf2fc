import { SETTINGS, type PerSetting } from './settings';
import { DEFAULT_DYNAMIC_RANGE, type PortRange } from './port-range';
import { freePorts, rangeWithMaxUserPort, type Block } from './port-pool';

/** The first port Windows hands out when MaxUserPort governs the range (Server 2003 and older). */
const LEGACY_FIRST_PORT = 1025;

export interface Capacity {
  ports: number;
  timeWaitSeconds: number;
  /** New outbound connections per second to one destination before ports run out. */
  connectionsPerSecond: number;
}

/** Where outgoing ports come from on this Windows, and which exclusions take ports out of the range. */
export interface Pool {
  dynamicRange: boolean;
  range?: PortRange;
  exclusions?: readonly Block[];
}

/**
 * The capacity model from the product's domain notes: free ports divided by the seconds each
 * closed connection holds its port. On Vista and later the ports are the dynamic range's (`range`
 * when it was read, else Windows' default) less its exclusions; with MaxUserPort set and no range
 * of its own given, that range was seen to become 1024 to MaxUserPort after a restart, which is
 * what this counts then. Before Vista the ports run from 1025 to MaxUserPort.
 */
export function capacity(values: PerSetting<number | undefined>, pool: Pool): Capacity {
  const timeWaitSeconds = values.TcpTimedWaitDelay ?? SETTINGS.TcpTimedWaitDelay.windowsDefault;
  const ports = pool.dynamicRange
    ? freePorts(
        values.MaxUserPort === undefined
          ? (pool.range ?? DEFAULT_DYNAMIC_RANGE)
          : rangeWithMaxUserPort(values.MaxUserPort),
        pool.exclusions ?? [],
      )
    : (values.MaxUserPort ?? SETTINGS.MaxUserPort.windowsDefault) - LEGACY_FIRST_PORT + 1;
  return { ports, timeWaitSeconds, connectionsPerSecond: Math.floor(ports / timeWaitSeconds) };
}

/**
 * Capacity at the three moments a change passes through: now; just after Apply, when netsh's
 * range and reservations are in force but Windows still runs on the registry values it read at
 * start; and after the restart, when the new values count too (TcpTimedWaitDelay, MaxUserPort).
 */
export function capacityStages(
  now: PerSetting<number | undefined>,
  next: PerSetting<number | undefined>,
  pool: Pool & { rangeAfter?: PortRange; reserved: readonly Block[] },
): { now: Capacity; afterApply: Capacity; afterRestart: Capacity } {
  const changed = {
    dynamicRange: pool.dynamicRange,
    range: pool.rangeAfter ?? pool.range,
    exclusions: [...(pool.exclusions ?? []), ...pool.reserved],
  };
  return { now: capacity(now, pool), afterApply: capacity(now, changed), afterRestart: capacity(next, changed) };
}
