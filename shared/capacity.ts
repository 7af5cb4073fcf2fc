import { SETTINGS, type PerSetting } from './settings';

/** The first port Windows hands out when MaxUserPort governs the range (Server 2003 and older). */
const LEGACY_FIRST_PORT = 1025;

/** Windows Vista / Server 2008 and later: the default dynamic port range, which MaxUserPort does not size. */
export const DEFAULT_DYNAMIC_RANGE = { first: 49152, last: 65535 } as const;

export interface Capacity {
  ports: number;
  timeWaitSeconds: number;
  /** New outbound connections per second to one destination before ports run out. */
  connectionsPerSecond: number;
}

/**
 * The capacity model from the product's domain notes: ports in range divided by the seconds
 * each closed connection holds its port. With the dynamic port range (Vista and later) the
 * ports are that range's, taken at its default since the tool does not query netsh; without it
 * they run from 1025 to MaxUserPort.
 */
export function capacity(values: PerSetting<number | undefined>, { dynamicRange }: { dynamicRange: boolean }): Capacity {
  const timeWaitSeconds = values.TcpTimedWaitDelay ?? SETTINGS.TcpTimedWaitDelay.windowsDefault;
  const ports = dynamicRange
    ? DEFAULT_DYNAMIC_RANGE.last - DEFAULT_DYNAMIC_RANGE.first + 1
    : (values.MaxUserPort ?? SETTINGS.MaxUserPort.windowsDefault) - LEGACY_FIRST_PORT + 1;
  return { ports, timeWaitSeconds, connectionsPerSecond: Math.floor(ports / timeWaitSeconds) };
}
