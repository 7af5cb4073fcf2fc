import type { PoolSample } from '../../shared/pool-sample';
import type { Family } from '../../shared/pool-sample';

/**
 * The ring as the chart's columns: time (seconds), then held ports stacked by state (TIME_WAIT,
 * plus established, plus the rest: the top line is all held), then the pool. A sample that
 * could not read connections is a gap, not a zero.
 */
export type ChartColumns = [number[], (number | null)[], (number | null)[], (number | null)[], (number | null)[]];

export function chartColumns(samples: readonly PoolSample[], family: Family): ChartColumns {
  const columns: ChartColumns = [[], [], [], [], []];
  for (const sample of samples) {
    const held = sample.tcp?.held[family];
    columns[0].push(sample.at / 1000);
    columns[1].push(held ? held.timeWait : null);
    columns[2].push(held ? held.timeWait + held.established : null);
    columns[3].push(held ? held.timeWait + held.established + held.other : null);
    columns[4].push(sample.pool[family]);
  }
  return columns;
}
