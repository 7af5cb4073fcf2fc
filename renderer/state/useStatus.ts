import { useCallback, useEffect, useState } from 'react';
import type { Failure, Result, Status } from '../../shared/contract';

export interface StatusState {
  status: Status | null;
  loading: boolean;
  failure: Failure | null;
  refresh: () => Promise<Status | null>;
}

/** The machine's state as the main side reads it; a refresh keeps the last good one on screen. */
export function useStatus(): StatusState {
  const [status, setStatus] = useState<Status | null>(null);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<Failure | null>(null);

  const refresh = useCallback(async () => {
    setLoading(true);
    const result = await window.tuner
      .getStatus({})
      .catch((error: unknown): Result<Status> => ({ ok: false, error: { kind: 'unexpected', message: `The request did not complete: ${String(error)}` } }));
    setLoading(false);
    if (!result.ok) {
      setFailure(result.error);
      return null;
    }
    setFailure(null);
    setStatus(result.value);
    return result.value;
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { status, loading, failure, refresh };
}
