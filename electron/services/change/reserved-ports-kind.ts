import type { Hold } from '../../../shared/reserved-ports';
import { TunerError } from '../errors';
import type { Exclusion } from '../netsh/netsh-parsers';
import { FAMILIES, type Family } from './dynamic-range-kind';
import type { SettingKind } from './setting-kind';

/** Keyed by port, for the ports a change concerns: the journal merges states port by port. */
export type ReservedState = Record<string, Record<Family, Hold>>;

/** What the kind needs of netsh: the exclusions of one family, and adding or deleting a one-port exclusion. */
export interface ExclusionAccess {
  readExclusions(family: Family): Promise<Exclusion[]>;
  reservePort(family: Family, port: number): Promise<void>;
  releasePort(family: Family, port: number): Promise<void>;
}

const HOLD_TEXT: Record<Hold, string> = { reserved: 'reserved', covered: 'inside another exclusion', open: 'not reserved' };

function holdOf(exclusions: readonly Exclusion[], port: number): Hold {
  if (exclusions.some((range) => range.start === port && range.end === port && range.administered)) return 'reserved';
  return exclusions.some((range) => range.start <= port && port <= range.end) ? 'covered' : 'open';
}

const portsOf = (scope: ReservedState | readonly number[] | undefined): number[] =>
  Array.isArray(scope) ? [...scope] : Object.keys(scope ?? {}).map(Number);

/**
 * Ports kept out of the dynamic range (`netsh int ipv4|ipv6 add excludedportrange protocol=tcp
 * startport=P numberofports=1 store=persistent`), so no outgoing connection takes a port a
 * server listens on. At once, no restart. Undo deletes only the one-port exclusions this tool
 * added, and only for the ports its journal names.
 */
export function reservedPortsKind(netsh: ExclusionAccess): SettingKind<ReservedState, number[], ReservedState> {
  const capture = async (scope?: ReservedState | readonly number[]): Promise<ReservedState> => {
    const ports = portsOf(scope);
    if (ports.length === 0) return {};
    const [ipv4, ipv6] = await Promise.all(FAMILIES.map((family) => netsh.readExclusions(family)));
    return Object.fromEntries(ports.map((port) => [String(port), { ipv4: holdOf(ipv4, port), ipv6: holdOf(ipv6, port) }]));
  };
  /** Moves each family of each port from `now` to open or reserved as `wanted` says; covered ports are not this tool's. */
  const reach = async (wanted: ReservedState, now: ReservedState): Promise<ReservedState> => {
    const moves = Object.entries(wanted).flatMap(([port, families]) =>
      FAMILIES.flatMap((family) => {
        const [from, to] = [now[port][family], families[family]];
        return from !== to && from !== 'covered' && to !== 'covered' ? [{ port: Number(port), family, to }] : [];
      }),
    );
    for (const { port, family, to } of moves) await (to === 'reserved' ? netsh.reservePort(family, port) : netsh.releasePort(family, port));
    const readBack = await capture(wanted);
    const missed = moves.filter(({ port, family, to }) => readBack[port][family] !== to).map(({ port, family }) => `${port} (${family}) is ${HOLD_TEXT[readBack[port][family]]}`);
    if (missed.length > 0) throw new TunerError('registry-failed', `The port reservations did not read back as set: ${missed.join(', ')}.`);
    return readBack;
  };
  const targetOf = (prior: ReservedState, wanted: readonly number[]): ReservedState =>
    Object.fromEntries(wanted.map((port) => [String(port), reservedUnlessCovered(prior[String(port)])]));
  return {
    id: 'reservedPorts',
    wantedFrom: (request) => request.reservePorts,
    capture,
    targetOf,
    write: async (wanted) => {
      const now = await capture(wanted);
      return reach(targetOf(now, wanted), now);
    },
    restore: async (state) => {
      await reach(state, await capture(state));
    },
    parts: (state) =>
      Object.entries(state).flatMap(([port, families]) =>
        FAMILIES.map((family) => ({ name: `port ${port} (${family === 'ipv4' ? 'IPv4' : 'IPv6'})`, key: families[family], text: HOLD_TEXT[families[family]] })),
      ),
  };
}

function reservedUnlessCovered(prior: Record<Family, Hold> | undefined): Record<Family, Hold> {
  const hold = (family: Family): Hold => (prior?.[family] === 'covered' ? 'covered' : 'reserved');
  return { ipv4: hold('ipv4'), ipv6: hold('ipv6') };
}
