import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Result } from '../../shared/contract';
import type { Failure } from '../../shared/failure';

export interface Reading<T> {
  value: T | null;
  loading: boolean;
  failure: Failure | null;
  refresh: () => Promise<void>;
}

/**
 * Something read from the main side (the status, the diagnosis); a refresh keeps the last good
 * answer on screen. The first read waits until `ready`, and takes `early`'s answer when it has one.
 */
export function useReading<T>(
  read: () => Promise<Result<T>>,
  ready = true,
  early?: () => Promise<Result<T>> | undefined,
): Reading<T> {
  const [value, setValue] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<Failure | null>(null);
  // Replies can arrive out of order: only the newest request's answer is shown, and only it ends `loading`.
  const latestRequest = useRef(0);
  const latestRead = useRef(read);
  const earlyAnswer = useRef(early);
  useLayoutEffect(() => {
    latestRead.current = read;
  });

  // `loading` is true from the start, so the first read need not set it; a refresh does.
  const readNow = useCallback(async () => {
    const request = ++latestRequest.current;
    const result = await (earlyAnswer.current?.() ?? latestRead.current());
    if (request !== latestRequest.current) return;
    setLoading(false);
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setFailure(null);
    setValue(result.value);
  }, []);
  const refresh = useCallback(() => {
    setLoading(true);
    return readNow();
  }, [readNow]);

  useEffect(() => {
    if (ready) void readNow();
  }, [readNow, ready]);

  return { value, loading, failure, refresh };
}
