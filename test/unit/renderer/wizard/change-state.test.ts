import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plannedState, stateNow } from '../../../../renderer/wizard/change-state';
import type { Diagnosis } from '../../../../shared/diagnosis';

const NOT_SET = { MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: false } } as const;
const DEFAULT = { start: 49152, count: 16384 };
// IPv4 holds 3306 as this tool does (one administered port); IPv6 only inside Hyper-V's block.
const ports = (ipv6Read = true) => ({
  dynamic: { ipv4: DEFAULT, ipv6: ipv6Read ? DEFAULT : null },
  excluded: {
    ipv4: [{ start: 3306, end: 3306, administered: true }],
    ipv6: ipv6Read ? [{ start: 3300, end: 3399, administered: false }] : null,
  },
});
const diagnosis = (ipv6Read = true) => ({ ports: ports(ipv6Read), unavailable: {} }) as unknown as Diagnosis;

describe("the machine's state as the wizard tells it", () => {
  it('has the range and each port asked about, per family, where netsh answered for both families', () => {
    const now = stateNow(NOT_SET, diagnosis(), [3306, 5432]);
    assert.deepEqual(now.dynamicRange, { ipv4: DEFAULT, ipv6: DEFAULT });
    assert.deepEqual(now.reservedPorts, {
      3306: { ipv4: 'reserved', ipv6: 'covered' },
      5432: { ipv4: 'open', ipv6: 'open' },
    });
  });

  it('leaves the range and the ports out, not made up, where netsh did not answer for one family', () => {
    const now = stateNow(NOT_SET, diagnosis(false), [3306]);
    assert.deepEqual(now, NOT_SET);
    assert.deepEqual(stateNow(NOT_SET, null, [3306]), NOT_SET);
  });
});

describe('what a change would leave', () => {
  it('sets its values as REG_DWORD, its range for both families, and keeps what it does not touch', () => {
    const after = plannedState(
      { ...NOT_SET, dynamicRange: { ipv4: DEFAULT, ipv6: DEFAULT } },
      { TcpTimedWaitDelay: 30, dynamicRange: { start: 33063, count: 32473 } },
    );
    assert.deepEqual(after.TcpTimedWaitDelay, { present: true, type: 'REG_DWORD', data: 30 });
    assert.deepEqual(after.MaxUserPort, { present: false });
    assert.deepEqual(after.dynamicRange, {
      ipv4: { start: 33063, count: 32473 },
      ipv6: { start: 33063, count: 32473 },
    });
  });

  it('reserves each port asked for, except in a family where another exclusion already covers it', () => {
    const now = stateNow(NOT_SET, diagnosis(), [3306, 5432]);
    const after = plannedState(now, { reservePorts: [3306, 5432] });
    assert.deepEqual(after.reservedPorts, {
      3306: { ipv4: 'reserved', ipv6: 'covered' },
      5432: { ipv4: 'reserved', ipv6: 'reserved' },
    });
  });
});
