/**
 * The kinds of setting the tool may change, and the saved state of each as one zod table: the
 * journal's schema and the contract's reports are both built from it, so a state is written
 * down once. The registry's exact saved form (`.reg` payloads) is checked on the main side,
 * which alone can parse payloads; its reported form is here.
 */
import * as z from 'zod/mini';
import { DYNAMIC_RANGE_LIMITS, type PortRange } from './port-range';
import { HOLDS, RESERVE_LIMITS } from './reserved-ports';
import { REG_TYPES } from './registry-value';

/** The product's kinds. The engine takes its kinds as a list, so reports name a kind by any id (`kindIdSchema`). */
export type ProductKindId = 'registry' | 'dynamicRange' | 'reservedPorts';
/** A kind as a report names it: an id in the engine's list, which the product fills with its three kinds. */
export const kindIdSchema = z.string().check(z.regex(/^[a-zA-Z]{1,40}$/));

/** Windows' own reshaping (MaxUserPort after a restart) starts the range at 1024, below what netsh accepts. */
export const LOWEST_HELD_START = 1024;

const perFamily = <T extends z.ZodMiniType>(schema: T) => z.strictObject({ ipv4: schema, ipv6: schema });

/** A range as Windows can hold one: never past 65535, so a journal cannot name a range netsh refuses. */
const heldRangeSchema = z
  .strictObject({
    start: z.int().check(z.minimum(LOWEST_HELD_START), z.maximum(DYNAMIC_RANGE_LIMITS.lastPort)),
    count: z
      .int()
      .check(
        z.minimum(DYNAMIC_RANGE_LIMITS.minCount),
        z.maximum(DYNAMIC_RANGE_LIMITS.lastPort - LOWEST_HELD_START + 1),
      ),
  })
  .check(
    z.refine(
      (range: PortRange) => range.start + range.count - 1 <= DYNAMIC_RANGE_LIMITS.lastPort,
      `the range ends past ${DYNAMIC_RANGE_LIMITS.lastPort}`,
    ),
  );

const hold = z.enum(HOLDS);
/** Only whole port numbers as keys, and only so many: a tampered journal cannot name anything else to release. */
const portKey = z.string().check(
  z.regex(/^[1-9]\d{0,4}$/),
  z.refine((port) => Number(port) <= RESERVE_LIMITS.last),
);

/** The saved state of each kind other than the registry's exact one. */
export const KIND_STATE_SCHEMAS = {
  /** The TCP dynamic port range of each family. */
  dynamicRange: perFamily(heldRangeSchema),
  /** The ports a change concerned, and how each family held each. */
  reservedPorts: z
    .record(portKey, perFamily(hold))
    .check(z.refine((ports) => Object.keys(ports).length <= 64, 'at most 64 reserved ports')),
} as const;

export type RangeState = z.infer<(typeof KIND_STATE_SCHEMAS)['dynamicRange']>;
export type ReservedState = z.infer<(typeof KIND_STATE_SCHEMAS)['reservedPorts']>;

/** One registry value as the product reports it (see registry-value.ts). */
export const valueStateSchema = z.discriminatedUnion('present', [
  z.object({ present: z.literal(false) }),
  z.object({
    present: z.literal(true),
    type: z.enum(REG_TYPES),
    data: z.optional(z.union([z.number(), z.string(), z.array(z.string())])),
  }),
]);

type OtherKindSchemas = typeof KIND_STATE_SCHEMAS;

/** The other kinds as optional fields, one per KIND_STATE_SCHEMAS entry: a report carries those a change concerned. */
export const otherKindFields = Object.fromEntries(
  Object.entries(KIND_STATE_SCHEMAS).map(([id, schema]) => [id, z.optional(schema)]),
) as {
  [K in keyof OtherKindSchemas]: z.ZodMiniOptional<OtherKindSchemas[K]>;
};
