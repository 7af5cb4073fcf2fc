import type { Diagnosis } from '../../../shared/diagnosis';
import { ALWAYS_PROTECTED, inRange, rangeWithMaxUserPort, recommendRange } from '../../../shared/port-pool';
import type { PortRange } from '../../../shared/port-range';

type Listening = NonNullable<Diagnosis['ports']['listening']>;

/**
 * Listening ports (and MySQL's two, listening or not) inside the range in force, or inside the
 * range MaxUserPort 65534 was seen to make: there an outgoing connection may take the port
 * first, and a server that starts later cannot listen on it.
 */
export function portsAtRisk(listening: Listening, range: PortRange | null): Diagnosis['ports']['listeningInRange'] {
  const checked = new Map(listening.map(({ port, process }) => [port, process]));
  for (const port of ALWAYS_PROTECTED) if (!checked.has(port)) checked.set(port, null);
  const widened = rangeWithMaxUserPort(65534);
  return [...checked].flatMap(([port, process]): Diagnosis['ports']['listeningInRange'] => {
    if (range && inRange(port, range)) return [{ port, process, range: 'now' }];
    return inRange(port, widened) ? [{ port, process, range: 'with-max-user-port' }] : [];
  });
}

/**
 * The recommended range (shared/port-pool.ts says the rule), where netsh could read the range
 * in force: without netsh there is nothing that could set one.
 */
export function recommendedRange(range: PortRange | null): PortRange | null {
  return range ? recommendRange() : null;
}
