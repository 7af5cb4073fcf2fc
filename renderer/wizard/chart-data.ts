import type { Family } from '../../shared/families';
import type { PoolSample } from '../../shared/pool-sample';

/**
 * The ring as the chart's columns: time (seconds), then held ports stacked by state (TIME_WAIT,
 * plus established, plus the rest: the top line is all held), then the pool, then the alert
 * threshold's share of it. A sample that could not read connections is a gap, not a zero.
 */
export type ChartColumns = [
  number[],
  (number | null)[],
  (number | null)[],
  (number | null)[],
  (number | null)[],
  (number | null)[],
];

/**
 * `gapMs`: samples further apart than this had minutes nobody sampled between them (paused, the
 * page left): a row of nulls goes between, so no line is drawn across time with no reading.
 */
export function chartColumns(
  samples: readonly PoolSample[],
  family: Family,
  thresholdPercent: number,
  gapMs: number,
): ChartColumns {
  const columns: ChartColumns = [[], [], [], [], [], []];
  const [time, ...series] = columns;
  const push = (at: number, values: (number | null)[]) => {
    time.push(at / 1000);
    values.forEach((value, index) => series[index].push(value));
  };
  samples.forEach((sample, index) => {
    const previous = samples[index - 1];
    if (previous && sample.at - previous.at > gapMs)
      push((previous.at + sample.at) / 2, [null, null, null, null, null]);
    const held = sample.tcp?.held[family];
    const pool = sample.pool[family];
    push(sample.at, [
      held ? held.timeWait : null,
      held ? held.timeWait + held.established : null,
      held ? held.timeWait + held.established + held.other : null,
      pool,
      pool === null ? null : Math.round((pool * thresholdPercent) / 100),
    ]);
  });
  return columns;
}
