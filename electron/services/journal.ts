import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { historyEntrySchema, type HistoryEntry } from '../../shared/contract';
import { TunerError } from './errors';
import { isPayload } from './registry/snapshot';

const exactValue = z.discriminatedUnion('present', [
  z.object({ present: z.literal(false) }),
  z.object({ present: z.literal(true), payload: z.string().refine(isPayload) }),
]);
const snapshot = z.object({ MaxUserPort: exactValue, TcpTimedWaitDelay: exactValue });

const journalSchema = z.object({
  version: z.literal(1),
  /** The values from before this tool's first change: what "Undo changes" returns to. */
  baseline: z.object({ snapshot, backupFile: z.string(), at: z.string() }).nullable(),
  /** What this tool last left the values as, to notice changes made by anyone else since. */
  lastWritten: snapshot.nullable(),
  /** An operation under way; still here at start-up means the last run stopped half-way. */
  pending: z
    .object({
      operation: z.enum(['apply', 'undo']),
      startedAt: z.string(),
      prior: snapshot,
      target: snapshot,
      backupFile: z.string(),
    })
    .nullable(),
  lastChangeAt: z.string().nullable(),
  history: z.array(historyEntrySchema),
});

export type JournalData = z.infer<typeof journalSchema>;
export type PendingOperation = NonNullable<JournalData['pending']>;

export const EMPTY_JOURNAL: JournalData = {
  version: 1,
  baseline: null,
  lastWritten: null,
  pending: null,
  lastChangeAt: null,
  history: [],
};

/** The record of every change, kept in the machine-wide data folder. */
export class Journal {
  readonly file: string;

  constructor(
    private readonly dir: string,
    private readonly backupDir: string,
  ) {
    this.file = path.join(dir, 'journal.json');
  }

  async read(): Promise<JournalData> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return EMPTY_JOURNAL;
      if (code === 'EACCES' || code === 'EPERM') {
        throw new TunerError('not-permitted', `The change journal ${this.file} can be read by administrators only. Run as administrator.`);
      }
      throw this.unreadable((error as NodeJS.ErrnoException).code ?? 'read error');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw this.unreadable('not valid JSON');
    }
    const result = journalSchema.safeParse(parsed);
    if (!result.success) throw this.unreadable('not in the expected format');
    return result.data;
  }

  /** Written whole to a temporary file and renamed over the old one, so a crash never leaves half a journal. */
  async write(data: JournalData): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(data, null, 2)}\n`, { flush: true });
    await rename(temporary, this.file);
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
