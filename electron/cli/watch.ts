import type { PoolSample } from '../../shared/pool-sample';
import { verdict } from '../../shared/pool-trend';
import type { PoolSampler } from '../services/diagnosis/sampling';
import { DEFAULT_TIMEOUT_MS, probe } from '../services/probe/probe';
import { watchJson, watchLine } from './watch-output';
import { checkTextfile, metricsText, writeTextfile } from './watch-textfile';
import type { WatchOptions } from './watch-options';
import { pause } from './pause';

/** Thirty minutes of samples at most: memory stays bounded however long watch runs. */
const HISTORY_MS = 30 * 60_000;

/**
 * Samples every `interval` seconds until `count` samples (or Ctrl+C, which ends the wait at
 * once): one line, or one JSON object, a sample; the textfile replaced after each. With
 * `probe`, MySQL is probed once a sample, anonymously (watch takes no account).
 */
export async function runWatch(
  options: WatchOptions & { json: boolean },
  sampler: Pick<PoolSampler, 'sample'>,
  write: (line: string) => void,
  stop: AbortSignal,
): Promise<void> {
  if (options.textfile) await checkTextfile(options.textfile);
  const ring: PoolSample[] = [];
  for (let taken = 0; options.count === null || taken < options.count; taken++) {
    // The probe runs beside the sample: an incident shows the pool filling and what MySQL answered, side by side.
    const [sample, probed] = await Promise.all([
      sampler.sample(options.threshold),
      options.probe && probe({ ...options.probe, timeoutMs: DEFAULT_TIMEOUT_MS }),
    ]);
    ring.push(sample);
    while (ring.length > 0 && ring[0].at < sample.at - HISTORY_MS) ring.shift();
    const found = verdict(ring, options.threshold);
    write(options.json ? JSON.stringify(watchJson(sample, found, probed)) : watchLine(sample, found, probed));
    if (options.textfile) await writeTextfile(options.textfile, metricsText(sample, ring, found, probed));
    if (options.count !== null && taken + 1 >= options.count) break;
    if (!(await pause(options.interval * 1000, stop))) break;
  }
}
