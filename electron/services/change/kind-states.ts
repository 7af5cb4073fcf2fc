import * as z from 'zod/mini';
import type { ValueState } from '../../../shared/registry-value';
import { HOLDS } from '../../../shared/reserved-ports';
import { perSetting, type PerSetting } from '../../../shared/settings';
import { isPayload, valueStatesOf } from '../registry/snapshot';

/**
 * The saved state of every kind of setting, as the journal keeps it: the one place that lists
 * the kinds. Each is checked when read back, so a tampered journal can only name what a kind
 * can hold (for the registry: the catalogue's values, each one exported value on one line).
 */
const exactValue = z.discriminatedUnion('present', [
  z.object({ present: z.literal(false) }),
  z.object({ present: z.literal(true), payload: z.string().check(z.refine(isPayload)) }),
]);

const portRange = z.strictObject({ start: z.int().check(z.minimum(1025), z.maximum(65535)), count: z.int().check(z.minimum(255), z.maximum(64511)) });

const hold = z.enum(HOLDS);
/** Only whole port numbers as keys, and only so many: a tampered journal cannot name anything else to release. */
const reservedPorts = z.record(z.string().check(z.regex(/^[1-9]\d{0,4}$/), z.refine((port) => Number(port) <= 65535)), z.strictObject({ ipv4: hold, ipv6: hold })).check(
  z.refine((ports) => Object.keys(ports).length <= 64, 'at most 64 reserved ports'),
);

export const kindStatesSchema = z.strictObject({
  /** Always there: every change backs up and records the key, even when it leaves it alone. */
  registry: z.strictObject(perSetting(() => exactValue)),
  /** The TCP dynamic port range of each family, where a change set it. */
  dynamicRange: z.optional(z.strictObject({ ipv4: portRange, ipv6: portRange })),
  /** The ports a change reserved, and how each family held each before or after. */
  reservedPorts: z.optional(reservedPorts),
});

export type KindStates = z.infer<typeof kindStatesSchema>;
export type KindId = keyof KindStates;

export type StatesReport = PerSetting<ValueState> & Pick<KindStates, 'dynamicRange' | 'reservedPorts'>;

/** How saved states read in the history: each registry value as the product reports values, and the range and reserved ports where there are some. */
export function reportStates(states: KindStates): StatesReport {
  return { ...valueStatesOf(states.registry), ...otherKinds(states) };
}

/** The range and the reserved ports of `states`, where it has them: how every report carries them. */
export function otherKinds({ dynamicRange, reservedPorts }: Partial<KindStates>): Pick<KindStates, 'dynamicRange' | 'reservedPorts'> {
  return { ...(dynamicRange ? { dynamicRange } : {}), ...(reservedPorts ? { reservedPorts } : {}) };
}
