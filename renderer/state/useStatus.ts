import { useCallback, useEffect, useRef, useState } from 'react';
import type { Failure, Status } from '../../shared/contract';

export interface StatusState {
  status: Status | null;
  loading: boolean;
  failure: Failure | null;
  refresh: () => Promise<void>;
}

/** The machine's state as the main side reads it; a refresh keeps the last good one on screen. */
export function useStatus(): StatusState {
  const [status, setStatus] = useState<Status | null>(null);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<Failure | null>(null);
  // Replies can arrive out of order: only the newest request's answer is shown, and only it ends `loading`.
  const latestRequest = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++latestRequest.current;
    setLoading(true);
    const result = await window.tuner.getStatus({});
    if (request !== latestRequest.current) return;
    setLoading(false);
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setFailure(null);
    setStatus(result.value);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { status, loading, failure, refresh };
}
