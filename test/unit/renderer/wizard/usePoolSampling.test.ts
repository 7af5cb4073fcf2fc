import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pushSample } from '../../../../renderer/wizard/usePoolSampling';
import type { PoolSample } from '../../../../shared/pool-sample';

const sample = (at: number): PoolSample => ({
  at,
  tcp: null,
  pool: { ipv4: null, ipv6: null },
  events: null,
  alert: null,
  unavailable: { tcp: 'x' },
});

describe('the live ring', () => {
  it('keeps thirty minutes of samples and drops older ones, however long the page stays open', () => {
    let ring: PoolSample[] = [];
    for (let i = 0; i < 2000; i++) ring = pushSample(ring, sample(i * 3000));
    assert.equal(ring.length, 601);
    assert.equal(ring[0].at, (2000 - 601) * 3000);
    assert.equal(ring.at(-1)!.at, 1999 * 3000);
  });

  it('drops a reply older than the newest, so late answers never reorder the chart', () => {
    const ring = pushSample([sample(10_000)], sample(5_000));
    assert.deepEqual(
      ring.map((kept) => kept.at),
      [5_000],
    );
  });
});
