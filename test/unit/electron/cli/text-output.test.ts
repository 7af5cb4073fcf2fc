/**
 * The CLI's text for undo, status and history (issue 26): undo never says "back as it was" while
 * a part is not, status names an unfinished change and every warning, and history shows the
 * range and reservation rows beside the registry values.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HistoryEntry, Status, UndoResult } from '../../../../shared/contract';
import { formatHistory, formatStatus, formatUndo } from '../../../../electron/cli/text-output';

const NOT_SET = { present: false } as const;
const DWORD = (data: number) => ({ present: true, type: 'REG_DWORD', data }) as const;
const DEFAULT = { start: 49152, count: 16384 };
const RESHAPED = { start: 1024, count: 64511 };
const PORT = (hold: 'reserved' | 'open') => ({ ipv4: hold, ipv6: hold });

const undone = (kept: boolean): UndoResult => ({
  status: 'undone',
  before: {
    MaxUserPort: DWORD(65534),
    TcpTimedWaitDelay: DWORD(30),
    dynamicRange: { ipv4: RESHAPED, ipv6: RESHAPED },
    reservedPorts: { 3306: PORT('reserved') },
  },
  now: {
    MaxUserPort: NOT_SET,
    TcpTimedWaitDelay: NOT_SET,
    dynamicRange: { ipv4: DEFAULT, ipv6: DEFAULT },
    reservedPorts: { 3306: PORT(kept ? 'reserved' : 'open') },
  },
  baseline: {
    MaxUserPort: NOT_SET,
    TcpTimedWaitDelay: NOT_SET,
    dynamicRange: { ipv4: DEFAULT, ipv6: DEFAULT },
    reservedPorts: { 3306: PORT('open') },
  },
  stillChanged: kept
    ? [
        {
          name: 'port 3306 (IPv4)',
          now: 'reserved',
          why: 'the IPv4 dynamic port range 1024 to 65534 (64,511 ports) covers it',
        },
      ]
    : [],
  backupFile: 'C:\\ProgramData\\b.reg',
  takesEffect: 'after a restart',
});

describe('the CLI text of undo, status and history', () => {
  it('undo says all is back only when it is, and each row says what it is now', () => {
    const all = formatUndo(undone(false));
    assert.match(all, /^Everything this tool changed is back as it was before its first change\.\n/);
    assert.match(all, /Dynamic port range, IPv4 +1024 to 65534 \(64,511 ports\) +→ +49152 to 65535 \(16,384 ports\)/);
    const kept = formatUndo(undone(true));
    assert.doesNotMatch(kept, /back as it was/);
    assert.match(
      kept,
      /^Undone, but not all of it is as before the first change:\n {2}Port 3306 \(IPv4\) stays reserved: the IPv4 dynamic port range 1024 to 65534 \(64,511 ports\) covers it\.\n/,
    );
    assert.match(kept, /Port 3306 +reserved +→ +unchanged/);
  });

  it('status names an unfinished change, what settles it, and every warning', () => {
    const status = {
      key: 'HKLM\\...\\Parameters',
      values: { MaxUserPort: DWORD(65534), TcpTimedWaitDelay: NOT_SET },
      windows: { host: 'windows', version: '10.0.20348', name: 'Windows Server 2022', usesDynamicPortRange: true },
      canWrite: true,
      rightsNotRead: null,
      backend: 'reg',
      restartPending: false,
      outsideChanges: [],
      notRead: [],
      rangeReshape: null,
      warnings: ['A lock name this tool did not make: C:\\ProgramData\\TcpPortTuner\\change.lock.7. Delete that file.'],
      unfinished: {
        operation: 'apply',
        startedAt: 'T',
        parts: [{ kind: 'registry', name: 'MaxUserPort', prior: 'not set', now: '65534' }],
        notRead: [{ kind: 'dynamicRange', reason: 'netsh failed' }],
      },
      settledAtStart: null,
      undo: null,
      history: [],
      dataDir: 'C:\\ProgramData\\TcpPortTuner',
      backupDir: 'C:\\ProgramData\\TcpPortTuner\\backups',
      changeBackupDir: 'C:\\ProgramData\\TcpPortTuner\\backups',
    } satisfies Status;
    const text = formatStatus(status);
    assert.match(
      text,
      /^Unfinished: +the apply started at T did not finish\.\n +MaxUserPort: not set before it, 65534 now\n +dynamicRange not read: netsh failed\n +The next apply or undo settles it, or starting the wizard\.$/m,
    );
    assert.match(text, /^Warning: A lock name this tool did not make: .*change\.lock\.7\. Delete that file\.$/m);
  });

  it('history shows the range and reservation rows', () => {
    const entry: HistoryEntry = {
      at: 'T',
      action: 'recovered',
      before: {
        MaxUserPort: NOT_SET,
        TcpTimedWaitDelay: NOT_SET,
        dynamicRange: { ipv4: { start: 33061, count: 32475 }, ipv6: DEFAULT },
      },
      after: { MaxUserPort: NOT_SET, TcpTimedWaitDelay: NOT_SET, dynamicRange: { ipv4: DEFAULT, ipv6: DEFAULT } },
      backupFile: null,
      note: 'Rolled back the apply interrupted at S.',
    };
    assert.match(
      formatHistory([entry]),
      /Dynamic port range, IPv4 +33061 to 65535 \(32,475 ports\) +→ +49152 to 65535 \(16,384 ports\)/,
    );
  });
});
