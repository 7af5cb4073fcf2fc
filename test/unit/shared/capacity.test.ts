import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capacityStages } from '../../../shared/capacity';

const NONE = { MaxUserPort: undefined, TcpTimedWaitDelay: undefined };
const DEFAULT = { start: 49152, count: 16384 };

describe('capacity now, after Apply and after the restart', () => {
  it('counts the new TcpTimedWaitDelay and MaxUserPort only after the restart (the MySQL manual fix)', () => {
    const reserved = [{ start: 3306, end: 3306 }, { start: 33060, end: 33060 }];
    const stages = capacityStages(NONE, { MaxUserPort: 65534, TcpTimedWaitDelay: 30 }, { dynamicRange: true, range: DEFAULT, exclusions: [], reserved });
    // Now and after Apply: 16,384 ports, each held 120 s (Windows' default). After the restart: 1024-65534 less the two reserved, 30 s.
    assert.deepEqual(stages.now, { ports: 16384, timeWaitSeconds: 120, connectionsPerSecond: 136 });
    assert.deepEqual(stages.afterApply, stages.now);
    assert.deepEqual(stages.afterRestart, { ports: 64509, timeWaitSeconds: 30, connectionsPerSecond: 2150 });
  });

  it('counts a new netsh range and its reservations at once', () => {
    const stages = capacityStages(NONE, { ...NONE, TcpTimedWaitDelay: 30 }, { dynamicRange: true, range: DEFAULT, exclusions: [], rangeAfter: { start: 33063, count: 32473 }, reserved: [{ start: 33306, end: 33306 }] });
    assert.equal(stages.afterApply.ports, 32472);
    assert.equal(stages.afterApply.timeWaitSeconds, 120);
    assert.equal(stages.afterRestart.connectionsPerSecond, Math.floor(32472 / 30));
  });
});
