import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { freshRead } from './fresh-read';
import type { Failure } from '../../shared/failure';
import { DEFAULT_THRESHOLD, type PoolSample } from '../../shared/pool-sample';

/** Every few seconds: often enough to see a burst fill the pool, rare enough for one netstat on a busy host. */
export const SAMPLE_INTERVAL_MS = 3000;
/** Thirty minutes at most, as a ring: memory stays bounded however long the page is open. */
const HISTORY_MS = 30 * 60_000;

export interface LivePool {
  /** Oldest first. */
  samples: PoolSample[];
  paused: boolean;
  setPaused: (paused: boolean) => void;
  /** Percent of the pool past which the main side saves a snapshot. */
  threshold: number;
  setThreshold: (percent: number) => void;
  /** The last sample's failure, cleared by the next that succeeds. */
  failure: Failure | null;
  /** A sample now, paused or not. */
  sampleNow: () => Promise<void>;
  /** The Check page calls this while it is open; sampling stops when no page watches. */
  watch: () => () => void;
}

/** The ring with one more sample, less those older than the history kept. */
export function pushSample(ring: readonly PoolSample[], sample: PoolSample, historyMs = HISTORY_MS): PoolSample[] {
  const kept = ring.filter((old) => old.at >= sample.at - historyMs && old.at < sample.at);
  return [...kept, sample];
}

/** Samples the pool while a page watches and sampling is not paused; one request at a time. */
export function usePoolSampling(ready: boolean): LivePool {
  const [samples, setSamples] = useState<PoolSample[]>([]);
  const [paused, setPaused] = useState(false);
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [watchers, setWatchers] = useState(0);
  // The sampling loop outlives renders: it reads the threshold set last, not the one it started with.
  const thresholdNow = useRef(threshold);
  useLayoutEffect(() => {
    thresholdNow.current = threshold;
  });

  // Made once: every caller shares one sample running and at most one waiting (fresh-read.ts).
  const reader = useRef<(() => Promise<void>) | null>(null);
  const sampleNow = useCallback(() => {
    reader.current ??= freshRead(async () => {
      const result = await window.tuner.sample({ threshold: thresholdNow.current });
      if (!result.ok) return setFailure(result.error);
      setFailure(null);
      setSamples((ring) => pushSample(ring, result.value));
    });
    return reader.current();
  }, []);

  const watch = useCallback(() => {
    setWatchers((count) => count + 1);
    return () => setWatchers((count) => count - 1);
  }, []);

  useEffect(() => {
    if (!ready || paused || watchers === 0) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The next sample is timed from the end of the last: a slow netstat never piles requests up.
    const loop = async () => {
      await sampleNow();
      if (!stopped) timer = setTimeout(() => void loop(), SAMPLE_INTERVAL_MS);
    };
    void loop();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [ready, paused, watchers, sampleNow]);

  return { samples, paused, setPaused, threshold, setThreshold, failure, sampleNow, watch };
}
