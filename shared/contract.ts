/**
 * The one contract between the wizard and the elevated side: every channel, its request and its
 * response. The preload, the browser preview and the tests all build their API from it, and
 * the main side validates every request against it before any service sees it.
 */
// zod/mini: the same checks as zod's classic API at a twentieth of the size, so the CLI starts fast.
import * as z from 'zod/mini';
import { perSetting, type SettingName } from './settings';
import { validateDynamicRange } from './port-range';
import { validateReservedPorts } from './reserved-ports';
import { kindIdSchema, valueStateSchema as valueState } from './kinds';
import {
  historyEntrySchema,
  settingsState,
  startupSettleSchema,
  takesEffect,
  undoResultSchema,
  unfinishedSchema,
} from './change-reports';
import { validateSetting } from './validation';
import type { Channel } from './channels';
import type { Failure } from './failure';

export { historyEntrySchema };
import { diagnosisSchema } from './diagnosis';
import { EXPORT_FORMATS } from './export-formats';
import { dataFolderSchema, poolSampleSchema, sampleRequestSchema } from './pool-sample-schema';
import { probeRequestSchema, probeResultSchema } from './probe-contract';

const eachSetting = <T extends z.ZodMiniType>(schema: T) => z.object(perSetting(() => schema));

/** One part of a setting (a value, one family's range, one port of one family), as this tool left it and as it reads now. */
const outsideChange = z.object({
  kind: kindIdSchema,
  /** "MaxUserPort", "the IPv6 dynamic port range", "port 3306 (IPv4)". */
  name: z.string(),
  was: z.string(),
  now: z.string(),
});

export const statusSchema = z.object({
  key: z.string(),
  values: eachSetting(valueState),
  windows: z.object({
    host: z.enum(['windows', 'wine']),
    version: z.string(),
    name: z.string(),
    /** Vista / Server 2008 and later: the netsh dynamic port range is the primary control. */
    usesDynamicPortRange: z.boolean(),
  }),
  canWrite: z.boolean(),
  /** Why the token's rights could not be read (whoami failed or answered without a level); canWrite is then false. */
  rightsNotRead: z.nullable(z.string()),
  backend: z.enum(['reg', 'regedit']),
  restartPending: z.boolean(),
  /** Parts of every kind someone else changed since this tool last wrote them: undo would overwrite these. */
  outsideChanges: z.array(outsideChange),
  /** Kinds this tool changed that could not be read to compare, with the reason: not known to be unchanged. */
  notRead: z.array(z.object({ kind: kindIdSchema, reason: z.string() })),
  /**
   * After a restart, Windows made the dynamic range start 1024, count MaxUserPort - 1023, because of
   * the MaxUserPort this tool set: its own side effect, which undo puts back without asking.
   */
  rangeReshape: z.nullable(
    z.object({
      maxUserPort: z.number(),
      range: z.object({ start: z.number(), count: z.number() }),
      message: z.string(),
    }),
  ),
  /** Plain warnings about where the journal lives: a chosen data folder left unguarded, a lock name this tool did not make. */
  warnings: z.array(z.string()),
  /** A change a crash left half-done, not settled: only apply, undo or the wizard's start settle it. */
  unfinished: z.nullable(unfinishedSchema),
  /** What settling at the wizard's start did, for its notice; null where nothing was settled (and always in the CLI). */
  settledAtStart: z.nullable(startupSettleSchema),
  /** What "Undo changes" puts back (the values before this tool's first change), or null when nothing to undo. */
  undo: z.nullable(z.object({ at: z.string(), values: settingsState })),
  history: z.array(historyEntrySchema),
  dataDir: z.string(),
  /** The folder the Back up page's backups go to now: the default, or the one the user picked in the main side's dialog. */
  backupDir: z.string(),
  /** Where Apply and Undo keep the backups the journal names: the data folder's own, the only one undo trusts. */
  changeBackupDir: z.string(),
});

const backupSchema = z.object({
  /** The whole key as `reg export` wrote it (plus deletions of values that were absent). */
  file: z.string(),
  /** Only the two values: what to `reg import` by hand, without touching the rest of the key. */
  restoreFile: z.string(),
  snapshotFile: z.string(),
  createdAt: z.string(),
  values: eachSetting(valueState),
});

const applyResultSchema = z.object({
  backup: backupSchema,
  /** True when the backup made just before (on the Back up page) still held the key exactly and was used. */
  backupReused: z.boolean(),
  /** The values read back, and the range and reserved ports where the change set them. */
  readBack: settingsState,
  /** When Windows goes by the change: at once (the range, reservations), or after a restart (a registry value changed). */
  takesEffect,
});

const restartResultSchema = z.object({
  when: z.enum(['now', 'later', 'cancelled']),
  /** False where the machine is not restarted for real (the preview and tests on Wine). */
  performed: z.boolean(),
  message: z.string(),
});

type Checked<T> = { ok: true; value: T } | { ok: false; messages: string[] };
/** An optional field checked by the shared validator, whose messages become the contract's. */
const checkedBy = <T>(check: (input: unknown) => Checked<T>) =>
  z.optional(
    z.pipe(
      z.unknown(),
      z.transform((input, ctx) => {
        const result = check(input);
        if (result.ok) return result.value;
        for (const message of result.messages) ctx.issues.push({ code: 'custom', message, input });
        return z.NEVER;
      }),
    ),
  );

/** A setting's number; a setting left out is left as it is. */
const settingNumber = (name: SettingName) =>
  checkedBy((input) => {
    const result = validateSetting(name, input);
    return result.ok ? result : { ok: false, messages: [result.message] };
  });

/** A new dynamic port range: start and count, checked together against Windows' limits. */
const dynamicRange = checkedBy((input) => {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, messages: ['The dynamic range must be given as a start and a count.'] };
  return validateDynamicRange('start' in input ? input.start : undefined, 'count' in input ? input.count : undefined);
});

/** Ports to keep out of the dynamic range, each once, at most 16. */
const reservePorts = checkedBy(validateReservedPorts);

const empty = z.strictObject({});
/** The engines a change can be exported for, to reach other servers. */
const changeRequest = z.strictObject({ ...perSetting(settingNumber), dynamicRange, reservePorts });
const exportRequest = z.strictObject({ format: z.enum(EXPORT_FORMATS), undo: z.boolean(), change: changeRequest });

export const channels = {
  getStatus: { request: empty, response: statusSchema },
  diagnose: { request: empty, response: diagnosisSchema },
  /** One live sample of the port pool; past `threshold` percent of it the main side saves a snapshot. */
  sample: { request: sampleRequestSchema, response: poolSampleSchema },
  checkDataFolder: { request: empty, response: dataFolderSchema },
  chooseBackupFolder: { request: empty, response: z.object({ folder: z.nullable(z.string()) }) },
  createBackup: { request: empty, response: backupSchema },
  apply: {
    // acceptUnprotected: the user accepts that MaxUserPort's reshaped range leaves 3306/33060 unreserved (electron/services/change/unprotected-check.ts).
    request: z
      .extend(changeRequest, { acceptUnprotected: z.optional(z.boolean()) })
      .check(
        z.refine(
          ({ acceptUnprotected: _, ...values }) => Object.values(values).some((value) => value !== undefined),
          'Choose at least one value to change.',
        ),
      ),
    response: applyResultSchema,
  },
  undo: { request: z.strictObject({ force: z.boolean() }), response: undoResultSchema },
  previewExport: { request: exportRequest, response: z.object({ text: z.string(), suggestedName: z.string() }) },
  /** The file comes from the main side's own save dialog, never from a path the page names. */
  saveExport: { request: exportRequest, response: z.object({ file: z.nullable(z.string()) }) },
  restartWindows: { request: z.strictObject({ when: z.enum(['now', 'later']) }), response: restartResultSchema },
  cancelRestart: { request: empty, response: restartResultSchema },
  relaunchAsAdmin: { request: empty, response: empty },
  /** Is it the ports or MySQL: the product's only network connection, to the server the user names. */
  probe: { request: probeRequestSchema, response: probeResultSchema },
} as const satisfies Record<Channel, { request: z.ZodMiniType; response: z.ZodMiniType }>;

type Channels = typeof channels;

export type Request<C extends Channel> = z.input<Channels[C]['request']>;
export type ValidRequest<C extends Channel> = z.output<Channels[C]['request']>;
export type Response<C extends Channel> = z.infer<Channels[C]['response']>;
export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export type Status = z.infer<typeof statusSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type { StartupSettle, UndoResult, Unfinished } from './change-reports';
export type Backup = z.infer<typeof backupSchema>;
export type ApplyResult = z.infer<typeof applyResultSchema>;
export type RestartResult = z.infer<typeof restartResultSchema>;
