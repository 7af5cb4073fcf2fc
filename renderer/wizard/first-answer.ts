import type { Result, Status } from '../../shared/contract';
import type { Diagnosis } from '../../shared/diagnosis';

/** An answer asked for early, for the first read alone (see firstAnswer). */
type FirstAnswer<T> = () => Promise<Result<T>> | undefined;

/** What the page asks before React renders: see first-asks.ts. */
export interface FirstAnswers {
  status: FirstAnswer<Status>;
  diagnosis: FirstAnswer<Diagnosis>;
}

/**
 * An answer asked for as the page's script starts, before React's first render (a few hundred
 * milliseconds on a busy host), handed to the first read alone: every later read asks again, so
 * a refresh or a remount never shows it twice.
 */
export function firstAnswer<T>(asked: Promise<T>): () => Promise<T> | undefined {
  let kept: Promise<T> | undefined = asked;
  return () => {
    const answer = kept;
    kept = undefined;
    return answer;
  };
}
