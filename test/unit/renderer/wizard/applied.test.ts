import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rows, withRestart } from '../../../../shared/change-rows';
import { appliedSummary } from '../../../../renderer/wizard/applied';

const NOT_SET = { MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: false } } as const;
const RANGE = (start: number, count: number) => ({ ipv4: { start, count }, ipv6: { start, count } });
const MANUAL_FIX = {
  MaxUserPort: { present: true, type: 'REG_DWORD', data: 65534 },
  TcpTimedWaitDelay: { present: true, type: 'REG_DWORD', data: 30 },
} as const;

describe('the Applied message says only what the rows show', () => {
  it('counts rows not read back instead of saying every change read back, and names no range it did not set', () => {
    // The manual's fix: the range was read before (diagnosis), not read back (the change did not set it).
    const before = {
      ...NOT_SET,
      dynamicRange: RANGE(49152, 16384),
      reservedPorts: { 3306: { ipv4: 'open', ipv6: 'open' } },
    } as const;
    const readBack = { ...MANUAL_FIX, reservedPorts: { 3306: { ipv4: 'reserved', ipv6: 'reserved' } } } as const;
    assert.deepEqual(appliedSummary(withRestart(rows(before, readBack), readBack, true)), [
      '3 of 5 rows read back as written; not read back: Dynamic port range, IPv4; Dynamic port range, IPv6.',
      'The reservations are in force now.',
      'Windows uses the registry values after its next restart.',
    ]);
  });

  it('speaks of the range and the reservations only when the change made them', () => {
    const both = appliedSummary(
      rows(
        { ...NOT_SET, dynamicRange: RANGE(49152, 16384), reservedPorts: { 3306: { ipv4: 'open', ipv6: 'open' } } },
        {
          ...NOT_SET,
          dynamicRange: RANGE(33063, 32473),
          reservedPorts: { 3306: { ipv4: 'reserved', ipv6: 'reserved' } },
        },
      ),
    );
    assert.deepEqual(both, [
      'All 5 rows read back as written.',
      'The new range and the reservations are in force now.',
      'No restart is needed.',
    ]);
    const valuesOnly = appliedSummary(
      rows(NOT_SET, { ...NOT_SET, TcpTimedWaitDelay: { present: true, type: 'REG_DWORD', data: 30 } }),
    );
    assert.deepEqual(valuesOnly, [
      'All 2 rows read back as written.',
      'Windows uses the registry values after its next restart.',
    ]);
  });
});
