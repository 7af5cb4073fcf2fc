import path from 'node:path';
import * as z from 'zod/mini';
import { historyEntrySchema, type HistoryEntry } from '../../../shared/contract';
import type { KindId, KindStates } from './change-kind';
import { registryStateSchema, type KindState } from './kind-states';
import { errnoOf, TunerError } from '../errors';
import { plainFolder, readPlain, replacePlain } from '../host/safe-file';

/** Far more than years of history: a larger journal is not one this tool wrote. */
const JOURNAL_LIMIT = 16 * 1024 * 1024;

/** The journal's schema over `kinds`: each saved state is checked by its kind's own schema, and names no other kind. */
function journalSchemaOf(kinds: readonly KindState[]) {
  const shape = Object.fromEntries(
    kinds.map(({ id, schema, inBackup }) => [id, inBackup ? schema : z.optional(schema)]),
  );
  // Built from the list, so zod cannot see the mapped type it checks; KindStates is that type.
  const states = z.strictObject(shape) as unknown as z.ZodMiniType<KindStates>;
  const ids = new Set<string>(kinds.filter((kind) => !kind.inBackup).map((kind) => kind.id));
  const stepSchema = z.strictObject({
    kind: z.custom<KindId>((id) => typeof id === 'string' && ids.has(id)),
    /** The part's name as the kind gives it: "port 3306 (IPv6)", "the IPv4 dynamic port range". */
    part: z.string().check(z.maxLength(80)),
    from: z.string().check(z.maxLength(80)),
    to: z.string().check(z.maxLength(80)),
    at: z.string(),
  });
  return z.object({
    version: z.literal(2),
    /** The states from before this tool's first change: what "Undo changes" returns to. */
    baseline: z.nullable(
      z.object({
        states,
        backupFile: z.string(),
        at: z.string(),
        /** Backups of later changes that added parts (another port, the range): each vouches for what it added. */
        laterBackups: z.optional(z.array(z.string())),
      }),
    ),
    /** What this tool last left the settings as, to notice changes made by anyone else since. */
    lastWritten: z.nullable(states),
    /** An operation under way; still here at start-up means the last run stopped half-way. */
    pending: z.nullable(
      z.object({
        operation: z.enum(['apply', 'undo']),
        startedAt: z.string(),
        prior: states,
        target: states,
        backupFile: z.string(),
        /**
         * Each netsh step: a range set as it starts, an exclusion added or deleted once done.
         * Settling undoes only these: a part that merely reads as the target may be an admin's (an
         * exclusion added by hand after a crash), never proof.
         */
        steps: z.optional(z.array(stepSchema).check(z.maxLength(256))),
      }),
    ),
    lastChangeAt: z.nullable(z.string()),
    /** The registry as Windows last started with it: a change back to it needs no restart. */
    sinceBoot: z.nullable(z.object({ at: z.string(), registry: registryStateSchema })),
    history: z.array(historyEntrySchema),
  });
}

export type JournalData = z.infer<ReturnType<typeof journalSchemaOf>>;
export type PendingOperation = NonNullable<JournalData['pending']>;

/** An operation under way: its record (with the pending intent) and that intent. */
export interface Started {
  record: JournalData;
  pending: PendingOperation;
}

export const EMPTY_JOURNAL: JournalData = {
  version: 2,
  baseline: null,
  lastWritten: null,
  pending: null,
  lastChangeAt: null,
  sinceBoot: null,
  history: [],
};

/** The record of every change, kept in the machine-wide data folder. */
export class Journal {
  readonly file: string;
  private readonly schema: ReturnType<typeof journalSchemaOf>;

  /** `kinds`: the engine's, so the journal holds the states of exactly those (the product's: JOURNAL_KINDS). */
  constructor(
    private readonly dir: string,
    private readonly backupDir: string,
    kinds: readonly KindState[],
  ) {
    this.file = path.join(dir, 'journal.json');
    this.schema = journalSchemaOf(kinds);
  }

  /** Read as a plain file only, and only so much: a link, pipe or device there is refused (exit 7). */
  async read(): Promise<JournalData> {
    let text: string;
    try {
      text = (await readPlain(this.file, JOURNAL_LIMIT)).toString('utf8');
    } catch (error) {
      if (error instanceof TunerError) throw new TunerError('journal-failed', `The change journal ${error.message}`);
      const code = errnoOf(error);
      // ENOTDIR: a file stands where the data folder (or one above it) should be, so no journal
      // can be there; the Check page names that file's place and the fix, instead of calling a
      // journal that was never written damaged.
      if (code === 'ENOENT' || code === 'ENOTDIR') return EMPTY_JOURNAL;
      if (code === 'EACCES' || code === 'EPERM') {
        throw new TunerError(
          'not-permitted',
          `The change journal ${this.file} can be read by administrators only. Run as administrator.`,
        );
      }
      throw this.unreadable(code ?? 'read error');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw this.unreadable('not valid JSON');
    }
    const result = this.schema.safeParse(fromVersion1(parsed));
    if (!result.success) throw this.unreadable('not in the expected format');
    return result.data;
  }

  /**
   * Written whole to a temporary file of an unguessable name, created exclusively, and renamed
   * over the old one: a crash never leaves half a journal, and nothing planted at the temporary
   * name or at journal.json is followed.
   */
  async write(data: JournalData): Promise<void> {
    try {
      await plainFolder(this.dir);
      await replacePlain(this.file, `${JSON.stringify(data, null, 2)}\n`);
    } catch (error) {
      const code = errnoOf(error);
      if (code === 'EACCES' || code === 'EPERM') {
        throw new TunerError(
          'not-permitted',
          `The change journal ${this.file} can be written by administrators only. Run as administrator.`,
        );
      }
      throw error instanceof TunerError
        ? new TunerError('journal-failed', `The change journal ${error.message}`)
        : error;
    }
  }

  async history(): Promise<HistoryEntry[]> {
    return (await this.read()).history;
  }

  private unreadable(reason: string): TunerError {
    return new TunerError(
      'journal-unreadable',
      `The change journal ${this.file} cannot be read (${reason}). Nothing was changed. ` +
        `The .reg backups in ${this.backupDir} are still usable with 'reg import'. ` +
        'Move the damaged journal aside to start a new one.',
    );
  }
}

/** Version 1 (0.1.0) kept the registry snapshot alone; its content carries over whole, then is checked as version 2. */
const version1 = z.looseObject({
  version: z.literal(1),
  baseline: z.optional(z.nullable(z.looseObject({ snapshot: z.unknown() }))),
  lastWritten: z.unknown(),
  pending: z.optional(z.nullable(z.looseObject({ prior: z.unknown(), target: z.unknown() }))),
});

function fromVersion1(parsed: unknown): unknown {
  const read = version1.safeParse(parsed);
  if (!read.success) return parsed;
  const old = read.data;
  const { snapshot, ...baseline } = old.baseline ?? {};
  return {
    ...old,
    version: 2,
    baseline: old.baseline ? { ...baseline, states: { registry: snapshot } } : null,
    lastWritten: old.lastWritten ? { registry: old.lastWritten } : null,
    pending: old.pending
      ? { ...old.pending, prior: { registry: old.pending.prior }, target: { registry: old.pending.target } }
      : null,
    sinceBoot: null,
  };
}
