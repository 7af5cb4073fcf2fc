import assert from 'node:assert/strict';
import { reportStates } from '../../../../../electron/services/change/kind-states';
import { describe, it } from 'node:test';
import { beginRecord, finishedRecord, rolledBackRecord } from '../../../../../electron/services/change/records';
import { EMPTY_JOURNAL, type JournalData } from '../../../../../electron/services/change/journal';

const AUDIT = { user: 'CORP\\dba', machine: 'DB-CLIENT-01', version: '1.2.3' };
const ABSENT = { registry: { MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: false } } } as const;
const TUNED = {
  registry: {
    MaxUserPort: { present: true, payload: 'dword:0000fffe' },
    TcpTimedWaitDelay: { present: true, payload: 'dword:0000001e' },
  },
} as const;
const OTHER = {
  registry: {
    MaxUserPort: { present: true, payload: 'dword:0000c350' },
    TcpTimedWaitDelay: { present: true, payload: 'dword:00000064' },
  },
} as const;
const BOOT = Date.parse('2026-01-01T00:00:00Z');

function applied(): JournalData {
  const started = beginRecord(
    EMPTY_JOURNAL,
    { operation: 'apply', prior: ABSENT, target: TUNED, backupFile: 'one.reg' },
    '2026-01-02T00:00:00.000Z',
    BOOT,
  );
  return finishedRecord(started, '2026-01-02T00:00:01.000Z', AUDIT).record;
}

describe('journal records', () => {
  it('the first change keeps the states before it as the baseline; later changes keep that baseline', () => {
    const first = applied();
    assert.deepEqual(first.baseline, { states: ABSENT, backupFile: 'one.reg', at: '2026-01-02T00:00:00.000Z' });
    const second = beginRecord(
      first,
      { operation: 'apply', prior: TUNED, target: OTHER, backupFile: 'two.reg' },
      '2026-01-03T00:00:00.000Z',
      BOOT,
    );
    assert.deepEqual(second.record.baseline, first.baseline);
    assert.deepEqual(second.pending.startedAt, '2026-01-03T00:00:00.000Z');
  });

  it('a finished apply records what it wrote and a history entry saying who, where and which version', () => {
    const record = applied();
    assert.equal(record.pending, null);
    assert.deepEqual(record.lastWritten, TUNED);
    assert.equal(record.lastChangeAt, '2026-01-02T00:00:01.000Z');
    assert.deepEqual(record.history, [
      {
        at: '2026-01-02T00:00:01.000Z',
        action: 'apply',
        before: { MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: false } },
        after: {
          MaxUserPort: { present: true, type: 'REG_DWORD', data: 65534 },
          TcpTimedWaitDelay: { present: true, type: 'REG_DWORD', data: 30 },
        },
        backupFile: 'one.reg',
        ...AUDIT,
      },
    ]);
  });

  it('a finished undo leaves nothing to undo', () => {
    const started = beginRecord(
      applied(),
      { operation: 'undo', prior: TUNED, target: ABSENT, backupFile: 'two.reg' },
      '2026-01-04T00:00:00.000Z',
      BOOT,
    );
    const { record, entry } = finishedRecord(started, '2026-01-04T00:00:01.000Z', AUDIT);
    assert.equal(record.baseline, null);
    assert.equal(record.lastWritten, null);
    assert.equal(entry.action, 'undo');
  });

  it('a finish found at start-up is recorded as recovered, with the note', () => {
    const started = beginRecord(
      EMPTY_JOURNAL,
      { operation: 'apply', prior: ABSENT, target: TUNED, backupFile: 'one.reg' },
      'T',
      BOOT,
    );
    const { entry } = finishedRecord(started, 'U', AUDIT, 'Finished the apply interrupted at T.');
    assert.equal(entry.action, 'recovered');
    assert.equal(entry.note, 'Finished the apply interrupted at T.');
  });

  it('a first apply rolled back leaves nothing to undo; a later one keeps the baseline', () => {
    const first = beginRecord(
      EMPTY_JOURNAL,
      { operation: 'apply', prior: ABSENT, target: TUNED, backupFile: 'one.reg' },
      'T',
      BOOT,
    );
    assert.equal(rolledBackRecord(first, 'rollback', 'write failed', 'U', AUDIT).record.baseline, null);
    const later = beginRecord(
      applied(),
      { operation: 'apply', prior: TUNED, target: OTHER, backupFile: 'two.reg' },
      'T',
      BOOT,
    );
    const { record, entry } = rolledBackRecord(later, 'rollback', 'write failed', 'U', AUDIT);
    assert.deepEqual(record.baseline, later.record.baseline);
    assert.deepEqual(record.lastWritten, TUNED, 'what the tool last wrote is unchanged');
    assert.deepEqual(entry.after, entry.before);
  });

  it('a settle records the states it found and left, not the interrupted plan', () => {
    const later = beginRecord(
      applied(),
      { operation: 'apply', prior: TUNED, target: OTHER, backupFile: 'two.reg' },
      'T',
      BOOT,
    );
    const { entry } = rolledBackRecord(later, 'recovered', 'left', 'U', AUDIT, { before: OTHER, after: ABSENT });
    assert.deepEqual(entry.after, { MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: false } });
    assert.deepEqual(entry.before, reportStates(OTHER));
  });

  it('remembers the registry Windows started with: the first change after a restart records it, later ones keep it', () => {
    const first = applied();
    assert.deepEqual(first.sinceBoot, { at: '2026-01-02T00:00:00.000Z', registry: ABSENT.registry });
    const sameBoot = beginRecord(
      first,
      { operation: 'apply', prior: TUNED, target: OTHER, backupFile: 'b' },
      '2026-01-03T00:00:00.000Z',
      BOOT,
    );
    assert.deepEqual(sameBoot.record.sinceBoot, first.sinceBoot);
    const afterRestart = beginRecord(
      first,
      { operation: 'apply', prior: TUNED, target: OTHER, backupFile: 'b' },
      '2026-01-05T00:00:00.000Z',
      Date.parse('2026-01-04T00:00:00Z'),
    );
    assert.deepEqual(afterRestart.record.sinceBoot, { at: '2026-01-05T00:00:00.000Z', registry: TUNED.registry });
  });
});
