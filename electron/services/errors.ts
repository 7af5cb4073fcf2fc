import type { ErrorKind, Failure } from '../../shared/failure';

/** A failure the user can act on: its message is shown as it is, so it is plain and exact. */
export class TunerError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** What went wrong and what it left as it was, without the advice. */
    readonly said: string,
    /** Commands that finish the job by hand, one each (see Failure.repairs). */
    readonly repairs?: string[],
    /** What to do about it, shown after `said`: kept apart so a caller who knows better can replace it. */
    readonly advice?: string,
  ) {
    super(advice ? `${said} ${advice}` : said);
    this.name = 'TunerError';
  }
}

/** Anything thrown, as one line of text. */
export function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/** The errno code (ENOENT, EACCES, …) of a file-system or process error, if it has one. */
export function errnoOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Turns anything thrown into a failure fit to show: never a stack trace. */
export function toFailure(error: unknown): Failure {
  if (error instanceof TunerError)
    return { kind: error.kind, message: error.message, ...(error.repairs?.length ? { repairs: error.repairs } : {}) };
  return { kind: 'unexpected', message: `Something unexpected went wrong: ${messageOf(error)}` };
}
