import * as z from 'zod/mini';
import { KIND_STATE_SCHEMAS, type ProductKindId } from '../../../shared/kinds';
import type { ValueState } from '../../../shared/registry-value';
import { perSetting, type PerSetting } from '../../../shared/settings';
import { isPayload, valueStatesOf, type Snapshot } from '../registry/snapshot';
import type { ChangeKind, KindId, KindStates, SomeStates } from './change-kind';

/**
 * What the journal knows of each product kind: its id, the schema its saved state is checked
 * against when read back (a tampered journal can only name what a kind can hold; for the
 * registry: the catalogue's values, each one exported value on one line), and whether the
 * backup holds it. The kinds spread these entries; the journal reads its kinds' entries.
 */
const exactValue = z.discriminatedUnion('present', [
  z.object({ present: z.literal(false) }),
  z.object({ present: z.literal(true), payload: z.string().check(z.refine(isPayload)) }),
]);

export const registryStateSchema: z.ZodMiniType<Snapshot> = z.strictObject(perSetting(() => exactValue));

export type KindState<K extends KindId = KindId> = Pick<ChangeKind<K>, 'id' | 'schema' | 'inBackup'>;

export const KIND_STATES: { readonly [K in ProductKindId]: KindState<K> } = {
  /** Always there: every change backs up and records the key, even when it leaves it alone. */
  registry: { id: 'registry', schema: registryStateSchema, inBackup: true },
  dynamicRange: { id: 'dynamicRange', schema: KIND_STATE_SCHEMAS.dynamicRange, inBackup: false },
  reservedPorts: { id: 'reservedPorts', schema: KIND_STATE_SCHEMAS.reservedPorts, inBackup: false },
};

/** The product's kinds as the journal checks them, in the engine's order. */
export const JOURNAL_KINDS: readonly KindState[] = [
  KIND_STATES.registry,
  KIND_STATES.dynamicRange,
  KIND_STATES.reservedPorts,
];

/** The registry values as the product reports them, and every other kind's state where there is one: how the history and undo report states. */
export type StatesReport = PerSetting<ValueState> & Omit<SomeStates, 'registry'>;

export function reportStates({ registry, ...others }: KindStates): StatesReport {
  return { ...valueStatesOf(registry), ...others };
}
