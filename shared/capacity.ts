import { SETTINGS, type PerSetting } from './settings';

/** The first port Windows hands out when MaxUserPort governs the range (Server 2003 and older). */
const LEGACY_FIRST_PORT = 1025;

export interface Capacity {
  ports: number;
  timeWaitSeconds: number;
  /** New outbound connections per second to one destination before ports run out. */
  connectionsPerSecond: number;
}

/**
 * The capacity model from the product's domain notes: ports in range divided by the seconds
 * each closed connection holds its port.
 */
export function capacity(values: PerSetting<number | undefined>): Capacity {
  const maxUserPort = values.MaxUserPort ?? SETTINGS.MaxUserPort.windowsDefault;
  const timeWaitSeconds = values.TcpTimedWaitDelay ?? SETTINGS.TcpTimedWaitDelay.windowsDefault;
  const ports = maxUserPort - LEGACY_FIRST_PORT + 1;
  return { ports, timeWaitSeconds, connectionsPerSecond: Math.floor(ports / timeWaitSeconds) };
}
