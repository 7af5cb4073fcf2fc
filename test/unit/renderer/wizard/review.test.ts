import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rows } from '../../../../shared/change-rows';
import { drift, leftChanged, reviewRows, type Reviewed } from '../../../../renderer/wizard/review';
import { plannedState } from '../../../../renderer/wizard/change-state';
import type { DraftChange } from '../../../../renderer/wizard/types';

const NOT_SET = { MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: false } } as const;
const RANGE = { ipv4: { start: 49152, count: 16384 }, ipv6: { start: 49152, count: 16384 } };

function reviewed(now: Reviewed['now'], change: DraftChange): Reviewed {
  return { change, rows: reviewRows(now, rows(now, plannedState(now, change)), change, true), now };
}

describe('Review shows what the range becomes at the restart', () => {
  it('the MySQL manual fix: the range reads unchanged now and 1024 to 65534 after the restart', () => {
    const table = reviewed({ ...NOT_SET, dynamicRange: RANGE }, { MaxUserPort: 65534, TcpTimedWaitDelay: 30 }).rows;
    const range = table.find((row) => row.key === 'dynamicRange.ipv4')!;
    assert.equal(range.before, '49152 to 65535 (16,384 ports)');
    assert.equal(range.after, '49152 to 65535 (16,384 ports)');
    assert.equal(range.changed, false);
    assert.equal(range.afterRestart, '1024 to 65534 (64,511 ports)');
  });

  it('with netsh not read the reshape still shows, on a range row that reads "not read"', () => {
    const table = reviewed(NOT_SET, { MaxUserPort: 65534 }).rows;
    assert.deepEqual(
      table.map((row) => [row.label, row.before, row.afterRestart ?? null]),
      [
        ['MaxUserPort', 'not set', null],
        ['TcpTimedWaitDelay', 'not set', null],
        ['Dynamic port range, IPv4', 'not read', '1024 to 65534 (64,511 ports)'],
        ['Dynamic port range, IPv6', 'not read', '1024 to 65534 (64,511 ports)'],
      ],
    );
  });

  it('a change that leaves MaxUserPort unset has no after-the-restart cell', () => {
    assert.ok(
      reviewed({ ...NOT_SET, dynamicRange: RANGE }, { TcpTimedWaitDelay: 30 }).rows.every(
        (row) => row.afterRestart === undefined,
      ),
    );
  });
});

describe('Apply sends only what was reviewed', () => {
  const change = { MaxUserPort: 65534, dynamicRange: { start: 33063, count: 32473 } };
  it('names the range rows a fresh reading dropped (netsh gone), and is quiet when nothing moved', () => {
    const first = reviewed({ ...NOT_SET, dynamicRange: RANGE }, change);
    assert.deepEqual(drift(first, reviewed({ ...NOT_SET, dynamicRange: RANGE }, change)), []);
    const netshDown = reviewed(NOT_SET, { MaxUserPort: 65534 });
    assert.deepEqual(drift(first, netshDown), [
      'Dynamic port range, IPv4: now not read, after the restart 1024 to 65534 (64,511 ports); was 33063 to 65535 (32,473 ports), after the restart 1024 to 65534 (64,511 ports)',
      'Dynamic port range, IPv6: now not read, after the restart 1024 to 65534 (64,511 ports); was 33063 to 65535 (32,473 ports), after the restart 1024 to 65534 (64,511 ports)',
    ]);
    const valuesOnly = reviewed({ ...NOT_SET, dynamicRange: RANGE }, { TcpTimedWaitDelay: 30 });
    assert.deepEqual(
      drift(
        reviewed({ ...NOT_SET, dynamicRange: RANGE }, { TcpTimedWaitDelay: 30, dynamicRange: change.dynamicRange }),
        valuesOnly,
      ),
      [
        'Dynamic port range, IPv4: now 49152 to 65535 (16,384 ports); was 33063 to 65535 (32,473 ports)',
        'Dynamic port range, IPv6: now 49152 to 65535 (16,384 ports); was 33063 to 65535 (32,473 ports)',
      ],
    );
  });

  it('after a failed Apply, lists what reads otherwise than before it', () => {
    const first = reviewed({ ...NOT_SET, dynamicRange: RANGE }, change);
    const left = leftChanged(first, { ...NOT_SET, dynamicRange: { ipv4: change.dynamicRange, ipv6: RANGE.ipv6 } });
    assert.deepEqual(
      left.map((row) => [row.label, row.before, row.after]),
      [['Dynamic port range, IPv4', '49152 to 65535 (16,384 ports)', '33063 to 65535 (32,473 ports)']],
    );
  });
});
