/** The machine's state as the contract names it, from what the pages have read, and what a draft would make of it. */
import type { ChangeState } from '../../shared/change-kinds';
import { FAMILIES, type Family } from '../../shared/families';
import type { PartialState } from '../../shared/change-rows';
import type { Status } from '../../shared/contract';
import type { Diagnosis } from '../../shared/diagnosis';
import { holdIn } from '../../shared/port-pool';
import type { Hold } from '../../shared/reserved-ports';
import { SETTING_NAMES } from '../../shared/settings';
import type { DraftChange } from './types';

/** The values from the status; the range and each of `ports` from the diagnosis where netsh answered for both families. */
export function stateNow(
  values: Status['values'],
  diagnosis: Diagnosis | null,
  ports: readonly number[] = [],
): PartialState {
  const dynamic = diagnosis?.ports.dynamic;
  const excluded = diagnosis?.ports.excluded;
  const range = dynamic?.ipv4 && dynamic.ipv6 ? { dynamicRange: { ipv4: dynamic.ipv4, ipv6: dynamic.ipv6 } } : {};
  const known = excluded?.ipv4 && excluded.ipv6 ? { ipv4: excluded.ipv4, ipv6: excluded.ipv6 } : null;
  const reserved =
    known && ports.length > 0
      ? {
          reservedPorts: Object.fromEntries(
            ports.map((port) => [String(port), perFamily((family) => holdIn(known[family], port))]),
          ),
        }
      : {};
  return { ...values, ...range, ...reserved };
}

const perFamily = (make: (family: Family) => Hold): Record<Family, Hold> =>
  Object.fromEntries(FAMILIES.map((family) => [family, make(family)])) as Record<Family, Hold>;

/**
 * What `change` would leave: the values it sets as REG_DWORD, the others as they are; its range
 * for both families; its ports reserved, except where another exclusion already holds them.
 */
export function plannedState(now: PartialState, change: DraftChange): PartialState {
  const values = Object.fromEntries(
    SETTING_NAMES.flatMap((name) => {
      const data = change[name];
      return data === undefined ? [] : [[name, { present: true, type: 'REG_DWORD', data }]];
    }),
  ) as Partial<ChangeState>;
  const range = change.dynamicRange ? { dynamicRange: { ipv4: change.dynamicRange, ipv6: change.dynamicRange } } : {};
  const ports = change.reservePorts
    ? {
        reservedPorts: {
          ...now.reservedPorts,
          ...Object.fromEntries(
            change.reservePorts.map((port) => [
              String(port),
              perFamily((family) => (now.reservedPorts?.[port]?.[family] === 'covered' ? 'covered' : 'reserved')),
            ]),
          ),
        },
      }
    : {};
  return { ...now, ...values, ...range, ...ports };
}
