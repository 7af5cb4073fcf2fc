import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Result } from '../../shared/contract';
import type { Failure } from '../../shared/failure';

export interface Action<A extends unknown[], T> {
  run: (...args: A) => Promise<Result<T>>;
  busy: boolean;
  failure: Failure | null;
  value: T | null;
  reset: () => void;
}

/**
 * Runs one call to window.tuner at a time and keeps what the user needs to see: whether it is
 * running, its failure or its value. A second click while it runs is ignored, not queued.
 */
export function useAction<A extends unknown[], T>(call: (...args: A) => Promise<Result<T>>): Action<A, T> {
  const [state, setState] = useState<{ busy: boolean; failure: Failure | null; value: T | null }>({
    busy: false,
    failure: null,
    value: null,
  });
  const running = useRef<Promise<Result<T>> | null>(null);
  // Callers pass inline functions; `run` stays stable and always calls the newest one.
  const latest = useRef(call);
  useLayoutEffect(() => {
    latest.current = call;
  });

  const run = useCallback((...args: A): Promise<Result<T>> => {
    if (running.current) return running.current;
    setState({ busy: true, failure: null, value: null });
    // window.tuner answers every call with a result, failures included (see createApi).
    const work = latest.current(...args).then((result) => {
      running.current = null;
      setState(
        result.ok
          ? { busy: false, failure: null, value: result.value }
          : { busy: false, failure: result.error, value: null },
      );
      return result;
    });
    running.current = work;
    return work;
  }, []);

  const reset = useCallback(() => setState({ busy: false, failure: null, value: null }), []);
  return { ...state, run, reset };
}
