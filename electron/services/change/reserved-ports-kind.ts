import { FAMILIES, FAMILY_LABEL, type Family } from '../../../shared/families';
import type { ReservedState } from '../../../shared/kinds';
import type { Hold } from '../../../shared/reserved-ports';
import { TunerError } from '../errors';
import type { Exclusion } from '../netsh/netsh-parsers';
import { differingParts, type ChangeKind, type StepDone } from './change-kind';
import { KIND_STATES } from './kind-states';

/** What the kind needs of netsh: the exclusions of one family (throwing when not read), and adding or deleting a one-port exclusion. */
export interface ExclusionAccess {
  readExclusions(family: Family): Promise<Exclusion[]>;
  reservePort(family: Family, port: number): Promise<void>;
  releasePort(family: Family, port: number): Promise<void>;
}

const HOLD_TEXT: Record<Hold, string> = {
  reserved: 'reserved',
  covered: 'inside another exclusion',
  open: 'not reserved',
};

function holdOf(exclusions: readonly Exclusion[], port: number): Hold {
  if (exclusions.some((range) => range.start === port && range.end === port && range.administered)) return 'reserved';
  return exclusions.some((range) => range.start <= port && port <= range.end) ? 'covered' : 'open';
}

const portsOf = (scope: ReservedState | readonly number[] | undefined): number[] =>
  Array.isArray(scope) ? [...scope] : Object.keys(scope ?? {}).map(Number);

const partName = (port: string, family: Family) => `port ${port} (${FAMILY_LABEL[family]})`;

const deleteCommand = (family: Family, port: string) =>
  `netsh int ${family} delete excludedportrange protocol=tcp startport=${port} numberofports=1 store=persistent`;

/**
 * Ports kept out of the dynamic range (`netsh int ipv4|ipv6 add excludedportrange protocol=tcp
 * startport=P numberofports=1 store=persistent`), so no outgoing connection takes a port a
 * server listens on. At once, no restart. Each write goes from a fresh read that must agree with
 * the state the change was planned on, and is proven by a read of every port it concerns; undo
 * deletes only the one-port exclusions this tool added, and only for the ports its journal names.
 */
export function reservedPortsKind(netsh: ExclusionAccess): ChangeKind<'reservedPorts', number[]> {
  const capture = async (scope?: ReservedState | readonly number[]): Promise<ReservedState> => {
    const ports = portsOf(scope);
    if (ports.length === 0) return {};
    const [ipv4, ipv6] = await Promise.all(FAMILIES.map((family) => netsh.readExclusions(family)));
    return Object.fromEntries(
      ports.map((port) => [String(port), { ipv4: holdOf(ipv4, port), ipv6: holdOf(ipv6, port) }]),
    );
  };
  /** Moves each family of each port from `now` to open or reserved as `wanted` says (covered ports are not this tool's), then reads every port back. */
  const reach = async (wanted: ReservedState, now: ReservedState, done?: StepDone): Promise<ReservedState> => {
    const moves = Object.entries(wanted).flatMap(([port, families]) =>
      FAMILIES.flatMap((family) => {
        const [from, to] = [now[port][family], families[family]];
        return from !== to && from !== 'covered' && to !== 'covered' ? [{ port: Number(port), family, from, to }] : [];
      }),
    );
    for (const { port, family, from, to } of moves) {
      await (to === 'reserved' ? netsh.reservePort(family, port) : netsh.releasePort(family, port));
      await done?.({ part: partName(String(port), family), from: HOLD_TEXT[from], to: HOLD_TEXT[to] });
    }
    const readBack = await capture(wanted);
    const missed = differingParts(kind, readBack, wanted).map((part) => `${part.name} is ${part.now}`);
    if (missed.length > 0)
      throw new TunerError('netsh-failed', `The port reservations did not read back as set: ${missed.join(', ')}.`);
    return readBack;
  };
  const kind: ChangeKind<'reservedPorts', number[]> = {
    ...KIND_STATES.reservedPorts,
    // An exclusion may be an admin's: one no step recorded adding is never removed.
    unrecorded: 'maybe-an-admins',
    effect: 'at-once',
    putBackSentence: 'The port reservations were put back as they were.',
    wantedFrom: (request) => request.reservePorts,
    capture,
    targetOf: (prior, wanted) =>
      Object.fromEntries(wanted.map((port) => [String(port), reservedUnlessCovered(prior[String(port)])])),
    write: async (_wanted, target, prior, done) => {
      const now = await capture(target);
      const moved = differingParts(kind, now, prior);
      if (moved.length > 0) {
        const said = moved.map((part) => `${part.name} is ${part.now} now, read as ${part.was} before`).join(', ');
        throw new TunerError(
          'netsh-failed',
          `The port exclusions changed while this change was under way, or netsh answered differently: ${said}.`,
        );
      }
      await reach(target, now, done);
    },
    restore: async (state, current, done) => {
      await reach(state, current, done);
    },
    slotName: (slot) => `port ${slot}`,
    parts: (state) =>
      Object.entries(state).flatMap(([port, families]) =>
        FAMILIES.map((family) => ({
          name: partName(port, family),
          slot: port,
          family,
          key: families[family],
          text: HOLD_TEXT[families[family]],
        })),
      ),
    repairs: (state, parts) =>
      parts.flatMap(({ slot, family }) =>
        family && state[slot]?.[family] === 'open' ? [deleteCommand(family, slot)] : [],
      ),
  };
  return kind;
}

function reservedUnlessCovered(prior: Record<Family, Hold> | undefined): Record<Family, Hold> {
  const hold = (family: Family): Hold => (prior?.[family] === 'covered' ? 'covered' : 'reserved');
  return { ipv4: hold('ipv4'), ipv6: hold('ipv6') };
}
