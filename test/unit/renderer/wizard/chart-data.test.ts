import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartColumns } from '../../../../renderer/wizard/chart-data';
import type { PoolSample } from '../../../../shared/pool-sample';

function sample(seconds: number, timeWait: number | null): PoolSample {
  return {
    at: seconds * 1000,
    tcp:
      timeWait === null
        ? null
        : {
            sockets: timeWait,
            bound: null,
            held: { ipv4: { timeWait, established: 2, other: 1 }, ipv6: { timeWait: 0, established: 0, other: 0 } },
            remotes: [],
            processes: null,
            serverTimeWait: null,
          },
    pool: { ipv4: 1000, ipv6: 1000 },
    events: null,
    alert: null,
    unavailable: {},
  };
}

describe('the live chart', () => {
  it('breaks the line across minutes nobody sampled, and where connections were not read', () => {
    const [time, timeWait, , all, pool] = chartColumns(
      [sample(0, 10), sample(3, 20), sample(300, 30), sample(303, null)],
      'ipv4',
      80,
      9000,
    );
    // A row of nulls halfway through the five minutes between 3 s and 300 s: no slope is drawn there.
    assert.deepEqual(time, [0, 3, 151.5, 300, 303]);
    assert.deepEqual(timeWait, [10, 20, null, 30, null]);
    assert.deepEqual(all, [13, 23, null, 33, null]);
    assert.deepEqual(pool, [1000, 1000, null, 1000, 1000]);
  });

  it('draws the alert threshold as its share of the pool', () => {
    assert.deepEqual(chartColumns([sample(0, 10)], 'ipv4', 80, 9000)[5], [800]);
  });
});
