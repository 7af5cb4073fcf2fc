import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { needsRestart, rows } from '../../../shared/change-rows';
import { formatApply, formatHistory } from '../../../electron/cli/text-output';
import type { ApplyResult, HistoryEntry } from '../../../shared/contract';

const NOT_SET = { MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: false } } as const;
const RANGE = (start: number, count: number) => ({ ipv4: { start, count }, ipv6: { start, count } });

describe('one row per thing a change touches', () => {
  it('reads every kind the same way: values with their unit, each family of the range, each port', () => {
    const after = {
      MaxUserPort: { present: false },
      TcpTimedWaitDelay: { present: true, type: 'REG_DWORD', data: 30 },
      dynamicRange: RANGE(33061, 32475),
      reservedPorts: { 3306: { ipv4: 'reserved', ipv6: 'reserved' }, 5357: { ipv4: 'covered', ipv6: 'open' } },
    } as const;
    const before = {
      ...NOT_SET,
      dynamicRange: RANGE(49152, 16384),
      reservedPorts: { 3306: { ipv4: 'open', ipv6: 'open' }, 5357: { ipv4: 'covered', ipv6: 'open' } },
    } as const;
    assert.deepEqual(
      rows(before, after).map(({ label, before: was, after: now, changed, effect }) => [
        label,
        was,
        now,
        changed,
        effect,
      ]),
      [
        ['MaxUserPort', 'not set', 'not set', false, 'after-restart'],
        ['TcpTimedWaitDelay', 'not set', '30 seconds', true, 'after-restart'],
        ['Dynamic port range, IPv4', '49152 to 65535 (16,384 ports)', '33061 to 65535 (32,475 ports)', true, 'at-once'],
        ['Dynamic port range, IPv6', '49152 to 65535 (16,384 ports)', '33061 to 65535 (32,475 ports)', true, 'at-once'],
        ['Port 3306', 'not reserved', 'reserved', true, 'at-once'],
        [
          'Port 5357',
          'IPv4 inside another exclusion, IPv6 not reserved',
          'IPv4 inside another exclusion, IPv6 not reserved',
          false,
          'at-once',
        ],
      ],
    );
  });

  it('says "not read" for a side that was not read, and asks for a restart only when a registry value changes', () => {
    const rangeOnly = rows(NOT_SET, { ...NOT_SET, dynamicRange: RANGE(33061, 32475) });
    assert.equal(rangeOnly[2].before, 'not read');
    assert.equal(needsRestart(rangeOnly), false);
    assert.equal(
      needsRestart(rows(NOT_SET, { ...NOT_SET, MaxUserPort: { present: true, type: 'REG_SZ', data: '65534' } })),
      true,
    );
  });
});

describe('the CLI prints the same rows', () => {
  it('after apply: what read back, when it takes effect, and a restart only where needed', () => {
    const result = {
      backup: { file: 'b.reg', values: NOT_SET },
      backupReused: false,
      readBack: { ...NOT_SET, dynamicRange: RANGE(33061, 32475) },
    } as unknown as ApplyResult;
    assert.equal(
      formatApply(result),
      [
        'Applied and read back:',
        '  MaxUserPort               not set                        after a restart',
        '  TcpTimedWaitDelay         not set                        after a restart',
        '  Dynamic port range, IPv4  33061 to 65535 (32,475 ports)  at once',
        '  Dynamic port range, IPv6  33061 to 65535 (32,475 ports)  at once',
        'Backup: b.reg',
        'No restart is needed: every change is in force now.',
      ].join('\n'),
    );
  });

  it('in the history: each entry, then only the rows it changed, before → after', () => {
    const entry = {
      at: 't',
      action: 'undo',
      before: { ...NOT_SET, reservedPorts: { 3306: { ipv4: 'reserved', ipv6: 'reserved' } } },
      after: { ...NOT_SET, reservedPorts: { 3306: { ipv4: 'open', ipv6: 'open' } } },
      backupFile: null,
    } as HistoryEntry;
    assert.equal(formatHistory([entry]), 't  undo\n  Port 3306  reserved  →  not reserved  at once');
  });
});
