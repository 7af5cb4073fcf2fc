import * as z from 'zod/mini';
import { KIND_STATE_SCHEMAS, type KindId } from '../../../shared/kinds';
import type { ValueState } from '../../../shared/registry-value';
import { perSetting, type PerSetting } from '../../../shared/settings';
import { isPayload, valueStatesOf } from '../registry/snapshot';

/**
 * The saved state of every kind of setting, as the journal keeps it, built from the shared
 * table. Each is checked when read back, so a tampered journal can only name what a kind can
 * hold (for the registry: the catalogue's values, each one exported value on one line).
 */
const exactValue = z.discriminatedUnion('present', [
  z.object({ present: z.literal(false) }),
  z.object({ present: z.literal(true), payload: z.string().check(z.refine(isPayload)) }),
]);

export const registryStateSchema = z.strictObject(perSetting(() => exactValue));

export const kindStatesSchema = z.strictObject({
  /** Always there: every change backs up and records the key, even when it leaves it alone. */
  registry: registryStateSchema,
  dynamicRange: z.optional(KIND_STATE_SCHEMAS.dynamicRange),
  reservedPorts: z.optional(KIND_STATE_SCHEMAS.reservedPorts),
});

export type KindStates = z.infer<typeof kindStatesSchema>;
export type { KindId };

export type StatesReport = PerSetting<ValueState> & Pick<KindStates, 'dynamicRange' | 'reservedPorts'>;

/** How saved states read in the history: each registry value as the product reports values, and the range and reserved ports where there are some. */
export function reportStates(states: Partial<KindStates> & Pick<KindStates, 'registry'>): StatesReport {
  return { ...valueStatesOf(states.registry), ...netshStates(states) };
}

/** The netsh kinds of `states` (the range and the reserved ports), where it has them: how every report carries them. */
export function netshStates({ dynamicRange, reservedPorts }: Partial<KindStates>): Pick<KindStates, 'dynamicRange' | 'reservedPorts'> {
  return { ...(dynamicRange ? { dynamicRange } : {}), ...(reservedPorts ? { reservedPorts } : {}) };
}
