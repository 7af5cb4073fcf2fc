import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capacity } from '../../shared/capacity';
import type { ApplyResult, Backup } from '../../shared/contract';
import { checkDraft } from '../../renderer/state/draft';
import { initialWizard, wizardReducer } from '../../renderer/state/wizard';
import { undoSteps } from '../../renderer/model/undo-plan';

const BACKUP: Backup = { file: 'b.reg', restoreFile: 'b-restore.reg', snapshotFile: 'b.json', createdAt: 't', values: { MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: false } } };

describe('the wizard state', () => {
  it('starts on Check with the recommended values typed in', () => {
    const state = initialWizard();
    assert.equal(state.view, 'check');
    assert.deepEqual(state.draft, { MaxUserPort: '65534', TcpTimedWaitDelay: '30' });
    assert.deepEqual(checkDraft(state).values, { MaxUserPort: 65534, TcpTimedWaitDelay: 30 });
  });

  it('returns from Undo or Export to the page of the walk it was opened from, even via the other', () => {
    let state = wizardReducer(initialWizard(), { type: 'go', view: 'review' });
    state = wizardReducer(state, { type: 'open', view: 'undo' });
    state = wizardReducer(state, { type: 'open', view: 'export' });
    assert.equal(state.view, 'export');
    assert.equal(state.cameFrom, 'review');
  });

  it('keeps what was typed, and starting over forgets the backup and the applied result but keeps focus moving', () => {
    let state = wizardReducer(initialWizard(), { type: 'edit', name: 'TcpTimedWaitDelay', text: '6' });
    assert.equal(state.draft.TcpTimedWaitDelay, '6');
    assert.equal(checkDraft(state).values, null, 'a half-typed value blocks Apply');
    state = wizardReducer(state, { type: 'backed-up', backup: BACKUP });
    state = wizardReducer(state, { type: 'applied', result: { backup: BACKUP, backupReused: true, readBack: BACKUP.values } as ApplyResult });
    state = wizardReducer(state, { type: 'start-over' });
    assert.equal(state.backup, null);
    assert.equal(state.applied, null);
    assert.equal(state.draft.TcpTimedWaitDelay, '30');
    assert.equal(state.navigated, true);
  });
});

describe('the undo plan', () => {
  const baseline = { at: 't', values: { MaxUserPort: { present: true, type: 'REG_SZ', data: '65534' }, TcpTimedWaitDelay: { present: false } } } as const;
  const now = { MaxUserPort: { present: true, type: 'REG_DWORD', data: 65534 }, TcpTimedWaitDelay: { present: true, type: 'REG_DWORD', data: 30 } } as const;

  it('says what each value goes back to, and that a restored REG_SZ is ignored by Windows again', () => {
    assert.deepEqual(undoSteps(baseline, now), [
      'Set MaxUserPort back to REG_SZ "65534" (now 65534). Windows will ignore it again: MaxUserPort is stored as REG_SZ, not REG_DWORD, so Windows ignores it.',
      'Delete TcpTimedWaitDelay (it was not set before; now 30).',
    ]);
  });

  it('names a change made outside the tool, from what to what, and that undo overwrites it', () => {
    const outside = [{ kind: 'registry', name: 'TcpTimedWaitDelay', was: '30', now: '60' }] as const;
    const [, delay] = undoSteps(baseline, { ...now, TcpTimedWaitDelay: { present: true, type: 'REG_DWORD', data: 60 } }, [...outside]);
    assert.equal(delay, 'Delete TcpTimedWaitDelay (it was not set before; now 60). It was changed outside this tool from 30 to 60; undo overwrites that.');
  });
});

describe('capacity to one remote endpoint', () => {
  it('on Server 2003 and older: ports 1025 to MaxUserPort over TIME_WAIT seconds', () => {
    assert.deepEqual(capacity({ MaxUserPort: undefined, TcpTimedWaitDelay: undefined }, { dynamicRange: false }), { ports: 3976, timeWaitSeconds: 120, connectionsPerSecond: 33 });
    assert.deepEqual(capacity({ MaxUserPort: 65534, TcpTimedWaitDelay: 30 }, { dynamicRange: false }), { ports: 64510, timeWaitSeconds: 30, connectionsPerSecond: 2150 });
  });

  it('on Vista and later: the dynamic range in force, or the range MaxUserPort was seen to make after a restart', () => {
    assert.equal(capacity({ MaxUserPort: undefined, TcpTimedWaitDelay: undefined }, { dynamicRange: true }).connectionsPerSecond, 136);
    assert.equal(capacity({ MaxUserPort: undefined, TcpTimedWaitDelay: 30 }, { dynamicRange: true, range: { start: 10000, count: 55536 } }).ports, 55536);
    assert.deepEqual(capacity({ MaxUserPort: 65534, TcpTimedWaitDelay: 30 }, { dynamicRange: true }), { ports: 64511, timeWaitSeconds: 30, connectionsPerSecond: 2150 });
  });
});
