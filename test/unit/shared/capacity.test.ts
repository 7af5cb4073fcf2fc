import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capacity, capacityStages } from '../../../shared/capacity';

const NONE = { MaxUserPort: undefined, TcpTimedWaitDelay: undefined };
const DEFAULT = { start: 49152, count: 16384 };

describe('capacity now, after Apply and after the restart', () => {
  it('counts the new TcpTimedWaitDelay and MaxUserPort only after the restart (the MySQL manual fix)', () => {
    const reserved = [
      { start: 3306, end: 3306 },
      { start: 33060, end: 33060 },
    ];
    const stages = capacityStages(
      NONE,
      { MaxUserPort: 65534, TcpTimedWaitDelay: 30 },
      { dynamicRange: true, range: DEFAULT, exclusions: [], reserved },
    );
    // Now and after Apply: 16,384 ports, each held 120 s (Windows' default). After the restart: 1024-65534 less the two reserved, 30 s.
    assert.deepEqual(stages.now, { ports: 16384, timeWaitSeconds: 120, connectionsPerSecond: 136 });
    assert.deepEqual(stages.afterApply, stages.now);
    assert.deepEqual(stages.afterRestart, { ports: 64509, timeWaitSeconds: 30, connectionsPerSecond: 2150 });
  });

  it('counts a new netsh range and its reservations at once', () => {
    const stages = capacityStages(
      NONE,
      { ...NONE, TcpTimedWaitDelay: 30 },
      {
        dynamicRange: true,
        range: DEFAULT,
        exclusions: [],
        rangeAfter: { start: 33063, count: 32473 },
        reserved: [{ start: 33306, end: 33306 }],
      },
    );
    assert.equal(stages.afterApply.ports, 32472);
    assert.equal(stages.afterApply.timeWaitSeconds, 120);
    assert.equal(stages.afterRestart.connectionsPerSecond, Math.floor(32472 / 30));
  });
});

describe('capacity to one remote endpoint', () => {
  it('on Server 2003 and older: ports 1025 to MaxUserPort over TIME_WAIT seconds', () => {
    assert.deepEqual(capacity({ MaxUserPort: undefined, TcpTimedWaitDelay: undefined }, { dynamicRange: false }), {
      ports: 3976,
      timeWaitSeconds: 120,
      connectionsPerSecond: 33,
    });
    assert.deepEqual(capacity({ MaxUserPort: 65534, TcpTimedWaitDelay: 30 }, { dynamicRange: false }), {
      ports: 64510,
      timeWaitSeconds: 30,
      connectionsPerSecond: 2150,
    });
  });

  it('on Vista and later: the range less its exclusions, counted as holes', () => {
    assert.equal(
      capacity(
        { MaxUserPort: undefined, TcpTimedWaitDelay: 30 },
        {
          dynamicRange: true,
          range: { start: 33061, count: 32475 },
          exclusions: [
            { start: 50000, end: 50159 },
            { start: 5357, end: 5357 },
          ],
        },
      ).ports,
      32315,
    );
  });

  it('on Vista and later: the dynamic range in force, or the range MaxUserPort was seen to make after a restart', () => {
    assert.equal(
      capacity({ MaxUserPort: undefined, TcpTimedWaitDelay: undefined }, { dynamicRange: true }).connectionsPerSecond,
      136,
    );
    assert.equal(
      capacity(
        { MaxUserPort: undefined, TcpTimedWaitDelay: 30 },
        { dynamicRange: true, range: { start: 10000, count: 55536 } },
      ).ports,
      55536,
    );
    assert.deepEqual(capacity({ MaxUserPort: 65534, TcpTimedWaitDelay: 30 }, { dynamicRange: true }), {
      ports: 64511,
      timeWaitSeconds: 30,
      connectionsPerSecond: 2150,
    });
  });
});
