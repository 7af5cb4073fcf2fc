import * as z from 'zod/mini';
import type { ValueState } from '../../../shared/registry-value';
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

export const kindStatesSchema = z.strictObject({
  /** Always there: every change backs up and records the key, even when it leaves it alone. */
  registry: z.strictObject(perSetting(() => exactValue)),
  /** The TCP dynamic port range of each family, where a change set it. */
  dynamicRange: z.optional(z.strictObject({ ipv4: portRange, ipv6: portRange })),
});

export type KindStates = z.infer<typeof kindStatesSchema>;
export type KindId = keyof KindStates;

export type StatesReport = PerSetting<ValueState> & { dynamicRange?: NonNullable<KindStates['dynamicRange']> };

/** How saved states read in the history: each registry value as the product reports values, and the range where there is one. */
export function reportStates(states: KindStates): StatesReport {
  return { ...valueStatesOf(states.registry), ...(states.dynamicRange ? { dynamicRange: states.dynamicRange } : {}) };
}
