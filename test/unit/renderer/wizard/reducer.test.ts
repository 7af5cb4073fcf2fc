import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initialWizard, wizardReducer } from '../../../../renderer/wizard/reducer';
import type { ApplyResult, Backup } from '../../../../shared/contract';

const BACKUP: Backup = {
  file: 'b.reg',
  restoreFile: 'b-restore.reg',
  snapshotFile: 'b.json',
  createdAt: 't',
  values: { MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: false } },
};

describe('moving through the wizard', () => {
  it('returns from Undo or Export to the page of the walk it was opened from, even via the other', () => {
    let state = wizardReducer(initialWizard(), { type: 'go', view: 'review' });
    state = wizardReducer(state, { type: 'open', view: 'undo' });
    state = wizardReducer(state, { type: 'open', view: 'export' });
    assert.equal(state.view, 'export');
    assert.equal(state.cameFrom, 'review');
  });

  it('keeps what was typed, and starting over forgets the backup and the applied result but keeps focus moving', () => {
    let state = wizardReducer(initialWizard(), { type: 'choose', template: 'custom' });
    state = wizardReducer(state, { type: 'edit', name: 'TcpTimedWaitDelay', text: '6' });
    assert.equal(state.draft.TcpTimedWaitDelay, '6');
    state = wizardReducer(state, { type: 'backed-up', backup: BACKUP });
    state = wizardReducer(state, {
      type: 'applied',
      result: { backup: BACKUP, backupReused: true, readBack: BACKUP.values } as ApplyResult,
      before: BACKUP.values,
    });
    state = wizardReducer(state, { type: 'start-over' });
    assert.equal(state.backup, null);
    assert.equal(state.applied, null);
    assert.equal(state.draft.TcpTimedWaitDelay, '30');
    assert.equal(state.navigated, true);
  });

  it('remembers each port unticked once, ticks it again, and an own port added is reserved even if it was unticked', () => {
    let state = wizardReducer(initialWizard(), { type: 'protect', port: 33061, on: false });
    state = wizardReducer(state, { type: 'protect', port: 33061, on: false });
    state = wizardReducer(state, { type: 'protect', port: 3306, on: false });
    assert.deepEqual(state.unticked, [33061, 3306]);
    state = wizardReducer(state, { type: 'protect', port: 33061, on: true });
    assert.deepEqual(state.unticked, [3306]);
    state = wizardReducer(wizardReducer(state, { type: 'own-port', port: 5432 }), { type: 'own-port', port: 3306 });
    assert.deepEqual(state.ownPorts, [3306, 5432]);
    assert.deepEqual(state.unticked, []);
  });
});
