/**
 * A journal as one apply leaves it, and a Journal in a folder of its own, for the Journal tests
 * that read, write and damage it.
 */
import path from 'node:path';
import { Journal, type JournalData } from '../../electron/services/change/journal';
import { JOURNAL_KINDS } from '../../electron/services/change/kind-states';
import { freshPath } from './temp-folder';

export const TUNED = {
  MaxUserPort: { present: true, payload: 'dword:0000fffe' },
  TcpTimedWaitDelay: { present: true, payload: 'dword:0000001e' },
} as const;
export const BEFORE = {
  MaxUserPort: { present: true, payload: '"65534"' },
  TcpTimedWaitDelay: { present: false },
} as const;

export const AFTER_ONE_APPLY: JournalData = {
  version: 2,
  baseline: {
    states: { registry: BEFORE },
    backupFile: 'C:\\ProgramData\\TCP Port Tuner\\backups\\Tcpip-Parameters-2025-01-02_03-04-05-678.reg',
    at: '2025-01-02T03:04:05.678Z',
  },
  lastWritten: { registry: TUNED },
  pending: null,
  lastChangeAt: '2025-01-02T03:04:06.000Z',
  sinceBoot: { at: '2025-01-02T03:04:05.678Z', registry: BEFORE },
  history: [
    {
      at: '2025-01-02T03:04:06.000Z',
      action: 'apply',
      before: { MaxUserPort: { present: true, type: 'REG_SZ', data: '65534' }, TcpTimedWaitDelay: { present: false } },
      after: {
        MaxUserPort: { present: true, type: 'REG_DWORD', data: 65534 },
        TcpTimedWaitDelay: { present: true, type: 'REG_DWORD', data: 30 },
      },
      backupFile: 'C:\\ProgramData\\TCP Port Tuner\\backups\\Tcpip-Parameters-2025-01-02_03-04-05-678.reg',
    },
  ],
};

/** A journal in a folder of its own under `root` that does not exist yet. */
export function freshJournal(root: string): { journal: Journal; dir: string; backupDir: string } {
  const dir = freshPath(root, 'data');
  const backupDir = path.join(dir, 'backups');
  return { journal: new Journal(dir, backupDir, JOURNAL_KINDS), dir, backupDir };
}

/**
 * The journal as an undo killed after writing its intent leaves it, started at 'T': `record` is
 * one that an apply left (its baseline and last write present).
 */
export function interruptedUndo(record: JournalData, backupFile: string): JournalData {
  if (!record.baseline || !record.lastWritten) throw new Error('interruptedUndo needs a journal an apply left.');
  return {
    ...record,
    pending: {
      operation: 'undo',
      startedAt: 'T',
      prior: record.lastWritten,
      target: record.baseline.states,
      backupFile,
    },
  };
}
