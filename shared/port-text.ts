/**
 * The one way the product words ports: a range, an exclusion, a port with the program on it,
 * an endpoint, a count. The wizard, the CLI and `watch` all print through these, so a DBA
 * reads "49152 to 65535 (16,384 ports)" the same everywhere.
 */
import { lastPortOf, type PortRange } from './port-range';

/** "16,384": thousands grouped the same in every locale, as the figures in a ticket should be. */
export function countText(value: number): string {
  return value.toLocaleString('en-US');
}

/** "49152 to 65535 (16,384 ports)". */
export function rangeText(range: PortRange): string {
  return `${range.start} to ${lastPortOf(range)} (${countText(range.count)} ports)`;
}

/** "3306" or "50000 to 50059": the ports an exclusion (or any block) covers. */
function portsText(block: { start: number; end: number }): string {
  return block.start === block.end ? String(block.start) : `${block.start} to ${block.end}`;
}

/** Who made an exclusion: this tool (its journal says so), an administrator (netsh's `*`), or Windows itself (Hyper-V, WSL, a service). */
export type ExclusionOwner = 'tool' | 'administrator' | 'system';

const OWNER_TEXT: Record<ExclusionOwner, string> = {
  tool: 'reserved by TCP Port Tuner',
  administrator: 'added by an administrator',
  system: 'reserved by Windows for Hyper-V, WSL or a service',
};

/** "3306 (reserved by TCP Port Tuner)", "50000 to 50059 (added by an administrator)". */
export function exclusionText(block: { start: number; end: number }, owner: ExclusionOwner): string {
  return `${portsText(block)} (${OWNER_TEXT[owner]})`;
}

/** Whose an exclusion is: one-port administered exclusions of the ports this tool reserved are its own. */
export function exclusionOwner(
  block: { start: number; end: number; administered: boolean },
  ownPorts: ReadonlySet<number>,
): ExclusionOwner {
  if (block.administered && block.start === block.end && ownPorts.has(block.start)) return 'tool';
  return block.administered ? 'administrator' : 'system';
}

/** "3306 (mysqld.exe)", or the port alone where the owner is not known. */
export function portWithProcess(port: number, process: string | null | undefined): string {
  return process ? `${port} (${process})` : String(port);
}

/** "mysqld.exe (PID 4120)", or "PID 4120" where tasklist did not name it. */
export function processText(pid: number, name: string | null | undefined): string {
  return name ? `${name} (PID ${pid})` : `PID ${pid}`;
}

/** "10.0.0.5:3306", "[fe80::1]:3306": IPv6 addresses bracketed, as netstat prints them. */
export function endpointText(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** "3306, 33060" for a list of ports with their programs. */
export function portsWithProcesses(ports: readonly { port: number; process: string | null }[]): string {
  return ports.map(({ port, process }) => portWithProcess(port, process)).join(', ');
}

/**
 * The ports this tool reserved itself, from what "Undo changes" would put back (the journal's
 * baseline): a port open there in a family and reserved now was reserved by this tool.
 */
export function ownReservedPorts(
  baseline: Record<string, { ipv4: string; ipv6: string }> | undefined,
  family: 'ipv4' | 'ipv6',
): Set<number> {
  return new Set(
    Object.entries(baseline ?? {}).flatMap(([port, holds]) => (holds[family] === 'open' ? [Number(port)] : [])),
  );
}

const two = (value: number) => String(value).padStart(2, '0');

/**
 * "2026-12-07 15:25:03", in this machine's time: the one way every page and `watch` write a
 * moment, so one event reads the same wherever it is shown. An unreadable time is shown as given.
 */
export function dateText(at: string | number): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return String(at);
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${clockText(date.getTime())}`;
}

/** "15:25:03": the time of day alone, where the day is plain (the live chart, the last sample). */
export function clockText(at: number): string {
  const date = new Date(at);
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}
