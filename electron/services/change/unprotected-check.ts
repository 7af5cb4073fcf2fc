import type { ReservedState } from '../../../shared/kinds';
import { ALWAYS_PROTECTED, inRange, rangeWithMaxUserPort } from '../../../shared/port-pool';
import { rangeText } from '../../../shared/port-text';
import { portList } from '../../../shared/reserved-ports';
import { messageOf, TunerError } from '../errors';
import type { ChangeRequest, SomeStates } from './change-kind';

/** What the check needs of the engine: a fresh, twice-read netsh answer for the ports `like` names (throws when netsh cannot be read). */
export interface HoldReader {
  capture(like: SomeStates): Promise<SomeStates>;
}

/**
 * MaxUserPort reshapes the dynamic range to 1024-MaxUserPort at the next restart, over MySQL's
 * 3306 and 33060. A change that sets it while either is left open there (not reserved by the
 * change, not held by an exclusion in both families, or netsh unreadable so nobody knows) is
 * refused before anything is written, unless the request says the user accepts it. The wizard
 * asks the same, but the renderer is never trusted: this is the rule, the page only explains it.
 */
export async function refuseUnprotected(request: ChangeRequest, engine: HoldReader): Promise<void> {
  if (request.MaxUserPort === undefined || request.acceptUnprotected === true) return;
  const reshaped = rangeWithMaxUserPort(request.MaxUserPort);
  const exposed = ALWAYS_PROTECTED.filter((port) => inRange(port, reshaped) && !request.reservePorts?.includes(port));
  if (exposed.length === 0) return;
  const refuse = (ports: readonly number[], why: string) =>
    new TunerError(
      'invalid-input',
      `MaxUserPort ${request.MaxUserPort} widens the dynamic port range to ${rangeText(reshaped)} at the next restart, over ${portList(ports)}, ${why}. ` +
        `Reserve ${ports.length === 1 ? 'it' : 'them'} with --reserve-ports ${ports.join(',')}, or accept that ${ports.length === 1 ? 'it is' : 'they are'} unprotected with --accept-unprotected. Nothing was changed.`,
    );
  let holds: ReservedState | undefined;
  try {
    // Only the ports of `like` count: what they hold is read.
    const like = Object.fromEntries(exposed.map((port) => [String(port), { ipv4: 'open', ipv6: 'open' } as const]));
    holds = (await engine.capture({ reservedPorts: like })).reservedPorts;
  } catch (error) {
    throw refuse(
      exposed,
      `and netsh's exclusions could not be read to tell whether they are reserved (${messageOf(error).replace(/\.$/, '')})`,
    );
  }
  if (!holds) throw refuse(exposed, "and netsh's exclusions could not be read to tell whether they are reserved");
  const open = exposed.filter((port) => !holds[String(port)] || Object.values(holds[String(port)]).includes('open'));
  if (open.length > 0) throw refuse(open, `which ${open.length === 1 ? 'is' : 'are'} not reserved`);
}
