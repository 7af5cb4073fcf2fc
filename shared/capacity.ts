import { SETTINGS, type PerSetting } from './settings';
import { DEFAULT_DYNAMIC_RANGE, type PortRange } from './port-range';

/** The first port Windows hands out when MaxUserPort governs the range (Server 2003 and older). */
const LEGACY_FIRST_PORT = 1025;
/** Where the dynamic range was seen to start after a restart with MaxUserPort set (Windows 11, Server build images). */
export const OBSERVED_FIRST_PORT = 1024;

export interface Capacity {
  ports: number;
  timeWaitSeconds: number;
  /** New outbound connections per second to one destination before ports run out. */
  connectionsPerSecond: number;
}

/**
 * The capacity model from the product's domain notes: ports in range divided by the seconds
 * each closed connection holds its port. On Vista and later the ports are the dynamic range's
 * (`range` when it was read, else Windows' default); with MaxUserPort set, that range was seen
 * to become 1024 to MaxUserPort after a restart, which is what this counts. Before Vista the
 * ports run from 1025 to MaxUserPort.
 */
export function capacity(values: PerSetting<number | undefined>, windows: { dynamicRange: boolean; range?: PortRange }): Capacity {
  const timeWaitSeconds = values.TcpTimedWaitDelay ?? SETTINGS.TcpTimedWaitDelay.windowsDefault;
  const ports = windows.dynamicRange
    ? values.MaxUserPort === undefined
      ? (windows.range ?? DEFAULT_DYNAMIC_RANGE).count
      : values.MaxUserPort - OBSERVED_FIRST_PORT + 1
    : (values.MaxUserPort ?? SETTINGS.MaxUserPort.windowsDefault) - LEGACY_FIRST_PORT + 1;
  return { ports, timeWaitSeconds, connectionsPerSecond: Math.floor(ports / timeWaitSeconds) };
}
