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

export const kindStatesSchema = z.strictObject({
  /** Always there: every change backs up and records the key, even when it leaves it alone. */
  registry: z.strictObject(perSetting(() => exactValue)),
});

export type KindStates = z.infer<typeof kindStatesSchema>;
export type KindId = keyof KindStates;

/** How saved states read in the history: each registry value as the product reports values. */
export function reportStates(states: KindStates): PerSetting<ValueState> {
  return valueStatesOf(states.registry);
}
