import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capacity } from '../../shared/capacity';
import type { ApplyResult, Backup } from '../../shared/contract';
import { checkDraft } from '../../renderer/wizard/draft';
import { initialWizard, wizardReducer } from '../../renderer/wizard/reducer';
import { undoNotes } from '../../renderer/wizard/undo-plan';
import type { Diagnosis } from '../../shared/diagnosis';

const BACKUP: Backup = { file: 'b.reg', restoreFile: 'b-restore.reg', snapshotFile: 'b.json', createdAt: 't', values: { MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: false } } };

const DIAGNOSIS = {
  ports: {
    dynamic: { ipv4: { start: 49152, count: 16384 }, ipv6: { start: 49152, count: 16384 } },
    excluded: { ipv4: [], ipv6: [] },
    listening: null,
  },
  unavailable: {},
} as unknown as Diagnosis;
const CONTEXT = { usesDynamicPortRange: true, diagnosis: DIAGNOSIS, diagnosisFailure: null, values: BACKUP.values };

describe('the wizard state', () => {
  it('starts on Check with the template recommended for this Windows: the netsh range, TcpTimedWaitDelay 30, MaxUserPort left alone', () => {
    const state = initialWizard();
    assert.equal(state.view, 'check');
    assert.equal(state.template, 'recommended');
    assert.deepEqual(checkDraft(state, CONTEXT).change, { TcpTimedWaitDelay: 30, dynamicRange: { start: 33063, count: 32473 } });
    // Before Vista, MaxUserPort is the lever; without netsh there is no range to offer.
    assert.deepEqual(checkDraft(state, { ...CONTEXT, usesDynamicPortRange: false }).change, { MaxUserPort: 65534, TcpTimedWaitDelay: 30 });
    assert.deepEqual(checkDraft(state, { ...CONTEXT, diagnosis: null }).change, { TcpTimedWaitDelay: 30 });
  });

  it("protects every port the change puts inside the range unless unticked, and says when nothing would change", () => {
    let state = wizardReducer(initialWizard(), { type: 'choose', template: 'mysql' });
    assert.deepEqual(checkDraft(state, CONTEXT).change, { MaxUserPort: 65534, TcpTimedWaitDelay: 30, reservePorts: [3306, 33060, 33061, 33062] });
    assert.equal(checkDraft(state, CONTEXT).protect?.because, 'the range MaxUserPort 65534 makes after a restart');
    state = wizardReducer(state, { type: 'protect', port: 33062, on: false });
    assert.deepEqual(checkDraft(state, CONTEXT).change?.reservePorts, [3306, 33060, 33061]);
    const done = { MaxUserPort: { present: true, type: 'REG_DWORD', data: 65534 }, TcpTimedWaitDelay: { present: true, type: 'REG_DWORD', data: 30 } } as const;
    const held = [3306, 33060, 33061].map((port) => ({ start: port, end: port, administered: true }));
    const reserved = { ...DIAGNOSIS.ports, excluded: { ipv4: held, ipv6: held } };
    assert.equal(checkDraft(state, { ...CONTEXT, values: done, diagnosis: { ...DIAGNOSIS, ports: reserved } }).nothing, true);
  });

  it("holds a range-moving change while netsh's exclusions are read, and says why none is reserved when they were not", () => {
    const mysql = wizardReducer(initialWizard(), { type: 'choose', template: 'mysql' });
    assert.deepEqual(checkDraft(mysql, CONTEXT).unknownPorts, null);
    const reading = checkDraft(mysql, { ...CONTEXT, diagnosis: null });
    assert.deepEqual(reading.unknownPorts, { reading: true });
    assert.equal(reading.change?.reservePorts, undefined, 'nothing to reserve is known yet: Review holds Apply');
    assert.deepEqual(checkDraft(mysql, { ...CONTEXT, diagnosis: null, diagnosisFailure: 'The diagnosis did not answer.' }).unknownPorts, { reading: false, why: 'The diagnosis did not answer.' });
    const unread = { ...DIAGNOSIS, ports: { ...DIAGNOSIS.ports, excluded: { ipv4: null, ipv6: [] } }, unavailable: { 'excluded.ipv4': 'netsh printed no exclusion table' } } as unknown as Diagnosis;
    assert.deepEqual(checkDraft(mysql, { ...CONTEXT, diagnosis: unread }).unknownPorts, { reading: false, why: 'netsh printed no exclusion table' });
    // A change that leaves MaxUserPort alone does not move the range, and before Vista netsh has no exclusions: neither waits.
    const delayOnly = wizardReducer(wizardReducer(mysql, { type: 'choose', template: 'custom' }), { type: 'edit', name: 'MaxUserPort', text: null });
    assert.deepEqual(checkDraft(delayOnly, { ...CONTEXT, diagnosis: null }).change, { TcpTimedWaitDelay: 30 });
    assert.deepEqual(checkDraft(delayOnly, { ...CONTEXT, diagnosis: null }).unknownPorts, null);
    assert.deepEqual(checkDraft(mysql, { ...CONTEXT, diagnosis: null, usesDynamicPortRange: false }).unknownPorts, null);
  });

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
    assert.equal(checkDraft(state, CONTEXT).change, null, 'a half-typed value blocks Apply');
    state = wizardReducer(state, { type: 'backed-up', backup: BACKUP });
    state = wizardReducer(state, { type: 'applied', result: { backup: BACKUP, backupReused: true, readBack: BACKUP.values } as ApplyResult, before: BACKUP.values });
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

  it('says what the table cannot: a restored REG_SZ is ignored by Windows again, and a change made outside the tool is overwritten', () => {
    const outside = [{ kind: 'registry', name: 'TcpTimedWaitDelay', was: '30', now: '60' }, { kind: 'dynamicRange', name: 'the IPv4 dynamic port range', was: '33061 to 65535 (32,475 ports)', now: '40000 to 65535 (25,536 ports)' }] as const;
    assert.deepEqual(undoNotes(baseline, [...outside]), [
      "TcpTimedWaitDelay: 30 after this tool's last change, 60 now. Undo overwrites that.",
      "The IPv4 dynamic port range: 33061 to 65535 (32,475 ports) after this tool's last change, 40000 to 65535 (25,536 ports) now. Undo overwrites that.",
      'Windows will ignore MaxUserPort again: MaxUserPort is stored as REG_SZ, not REG_DWORD, so Windows ignores it.',
    ]);
    assert.deepEqual(undoNotes({ at: 't', values: now }), []);
  });
});

describe('capacity to one remote endpoint', () => {
  it('on Server 2003 and older: ports 1025 to MaxUserPort over TIME_WAIT seconds', () => {
    assert.deepEqual(capacity({ MaxUserPort: undefined, TcpTimedWaitDelay: undefined }, { dynamicRange: false }), { ports: 3976, timeWaitSeconds: 120, connectionsPerSecond: 33 });
    assert.deepEqual(capacity({ MaxUserPort: 65534, TcpTimedWaitDelay: 30 }, { dynamicRange: false }), { ports: 64510, timeWaitSeconds: 30, connectionsPerSecond: 2150 });
  });

  it('on Vista and later: the range less its exclusions, counted as holes', () => {
    assert.equal(capacity({ MaxUserPort: undefined, TcpTimedWaitDelay: 30 }, { dynamicRange: true, range: { start: 33061, count: 32475 }, exclusions: [{ start: 50000, end: 50159 }, { start: 5357, end: 5357 }] }).ports, 32315);
  });

  it('on Vista and later: the dynamic range in force, or the range MaxUserPort was seen to make after a restart', () => {
    assert.equal(capacity({ MaxUserPort: undefined, TcpTimedWaitDelay: undefined }, { dynamicRange: true }).connectionsPerSecond, 136);
    assert.equal(capacity({ MaxUserPort: undefined, TcpTimedWaitDelay: 30 }, { dynamicRange: true, range: { start: 10000, count: 55536 } }).ports, 55536);
    assert.deepEqual(capacity({ MaxUserPort: 65534, TcpTimedWaitDelay: 30 }, { dynamicRange: true }), { ports: 64511, timeWaitSeconds: 30, connectionsPerSecond: 2150 });
  });
});
