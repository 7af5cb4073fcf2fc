import type { ErrorKind, Failure } from '../../shared/contract';

/** A failure the user can act on: its message is shown as it is, so it is plain and exact. */
export class TunerError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'TunerError';
  }
}

/** Turns anything thrown into a failure fit to show: never a stack trace. */
export function toFailure(error: unknown): Failure {
  if (error instanceof TunerError) return { kind: error.kind, message: error.message };
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return { kind: 'unexpected', message: `Something unexpected went wrong: ${detail}` };
}
