import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HistoryEntry } from '../../../../shared/contract';
import { lastUndone } from '../../../../renderer/wizard/history';

const entry = (at: string, action: HistoryEntry['action']) =>
  ({ at, action, before: {}, after: {}, backupFile: null }) as unknown as HistoryEntry;

describe('what the Check page says after an undo', () => {
  it('names the first change since the previous undo and the undo itself', () => {
    const history = [
      entry('t1', 'apply'),
      entry('t2', 'undo'),
      entry('t3', 'apply'),
      entry('t4', 'rollback'),
      entry('t5', 'apply'),
      entry('t6', 'undo'),
    ];
    assert.deepEqual(lastUndone(history), { changed: 't3', undone: 't6' });
  });

  it('says nothing while a change stands, or where there is no history', () => {
    assert.equal(lastUndone([entry('t1', 'apply'), entry('t2', 'undo'), entry('t3', 'apply')]), null);
    assert.equal(lastUndone([]), null);
  });
});
