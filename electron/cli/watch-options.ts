import { DEFAULT_THRESHOLD, THRESHOLD_LIMITS } from '../../shared/pool-sample';
import { validateWholeNumber } from '../../shared/validation';
import { TunerError } from '../services/errors';
import { pathOption } from './path-option';
import { targetFrom } from './probe-options';

export const WATCH_OPTIONS = ['interval', 'count', 'textfile', 'threshold', 'probe'] as const;

export interface WatchOptions {
  /** Seconds between samples. */
  interval: number;
  /** Samples to take, then stop; null runs until Ctrl+C. */
  count: number | null;
  textfile: string | null;
  /** Percent of the pool past which the alert fires. */
  threshold: number;
  /** A MySQL server to probe once a sample (watch --probe HOST[:PORT]). */
  probe: { host: string; port: number } | null;
}

export const WATCH_USAGE = `  watch [--interval S] [--count N] [--json] [--textfile FILE] [--threshold P] [--probe HOST[:PORT]]
                         Sample the port pool every S seconds (default 5): held / pool, share,
                         fill rate, time to full, the top process; one line (or JSON object) a
                         sample. --textfile writes Prometheus' text format for windows_exporter;
                         past P% of the pool (default ${DEFAULT_THRESHOLD}) it says so and saves a snapshot;
                         --probe HOST[:PORT] probes MySQL once a sample (see probe)`;

const LIMITS = { interval: [1, 3600], count: [1, 1_000_000] } as const;

function whole(
  label: string,
  [min, max]: readonly [number, number],
  input: string | undefined,
  fallback: number,
): number {
  if (input === undefined) return fallback;
  const result = validateWholeNumber(label, min, max, input);
  if (!result.ok) throw new TunerError('invalid-input', result.message);
  return result.value;
}

/** watch's options, checked by the same validator as the settings; a bad one exits 2 before any sample. */
export function watchFrom(values: Record<string, string | boolean | undefined>): WatchOptions {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const textfile = pathOption('textfile', 'file', text('textfile'));
  return {
    interval: whole('--interval', LIMITS.interval, text('interval'), 5),
    count: text('count') === undefined ? null : whole('--count', LIMITS.count, text('count'), 1),
    textfile: textfile ?? null,
    threshold: whole('--threshold', [THRESHOLD_LIMITS.min, THRESHOLD_LIMITS.max], text('threshold'), DEFAULT_THRESHOLD),
    probe: text('probe') === undefined ? null : targetFrom(text('probe'), '--probe'),
  };
}
