/**
 * What the contract reports about changes: a history entry, the result of an undo, a change a
 * crash left unfinished, and what the wizard's start-up settle did. Split from contract.ts,
 * which builds its channels from these.
 */
import * as z from 'zod/mini';
import { EFFECT_TEXT } from './families';
import { perSetting } from './settings';
import { kindIdSchema, otherKindFields, valueStateSchema as valueState } from './kinds';

/** The registry values and, where a change concerned them, the dynamic port range and the reserved ports of each family. */
export const settingsState = z.object({ ...perSetting(() => valueState), ...otherKindFields });

export const takesEffect = z.enum([EFFECT_TEXT['at-once'], EFFECT_TEXT['after-restart']]);

export const historyEntrySchema = z.object({
  at: z.string(),
  action: z.enum(['apply', 'undo', 'rollback', 'recovered']),
  before: settingsState,
  after: settingsState,
  backupFile: z.nullable(z.string()),
  note: z.optional(z.string()),
  /** Who made the change: the Windows account as DOMAIN\name, the machine and the tool's version. */
  user: z.optional(z.string()),
  machine: z.optional(z.string()),
  version: z.optional(z.string()),
  /** The registry backend that did the work (absent in entries made before it was recorded). */
  backend: z.optional(z.enum(['reg', 'regedit'])),
});

/** One part (a value, one family's range, one port of one family) and how it reads, with why: "port 3306 (IPv4)", "reserved". */
const namedPart = z.object({ name: z.string(), now: z.string(), why: z.string() });

export const undoResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('undone'),
    /** As the undo found them. */
    before: settingsState,
    /** As the undo left them, each proven by the read that ends its restore. */
    now: settingsState,
    /** As before this tool's first change: what undo aims for. */
    baseline: settingsState,
    /** Parts left otherwise than the baseline, and why (a reservation a range still covers): empty when all is back as it was. */
    stillChanged: z.array(namedPart),
    backupFile: z.string(),
    takesEffect,
  }),
  z.object({ status: z.literal('nothing-to-undo') }),
]);

/** A change a crash or power cut left half-done, as read now; read-only commands report it and never settle it. */
export const unfinishedSchema = z.object({
  operation: z.enum(['apply', 'undo']),
  startedAt: z.string(),
  /** Each part that differs from the state before the operation: "MaxUserPort", prior "not set", now "65534". */
  parts: z.array(z.object({ kind: kindIdSchema, name: z.string(), prior: z.string(), now: z.string() })),
  /** Kinds the operation concerned that could not be read, with the reason: not known to be as before. */
  notRead: z.array(z.object({ kind: kindIdSchema, reason: z.string() })),
});

/** What settling at the wizard's start did: the history entry it wrote, or why it could not settle. */
export const startupSettleSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('settled'), message: z.string(), entry: historyEntrySchema }),
  z.object({ outcome: z.literal('failed'), message: z.string() }),
]);

export type UndoResult = z.infer<typeof undoResultSchema>;
export type Unfinished = z.infer<typeof unfinishedSchema>;
export type StartupSettle = z.infer<typeof startupSettleSchema>;
