/** The wizard's change for the acceptance of unprotected ports and the DBA's own ports: what Apply would send, and why Next waits. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDraft } from '../../../../renderer/wizard/draft';
import { initialWizard, wizardReducer } from '../../../../renderer/wizard/reducer';
import type { WizardEvent, WizardState } from '../../../../renderer/wizard/types';
import type { Diagnosis } from '../../../../shared/diagnosis';

const DIAGNOSIS = {
  ports: {
    dynamic: { ipv4: { start: 49152, count: 16384 }, ipv6: { start: 49152, count: 16384 } },
    excluded: { ipv4: [], ipv6: [] },
    listening: null,
  },
  unavailable: {},
} as unknown as Diagnosis;
const UNREAD = {
  ...DIAGNOSIS,
  ports: { ...DIAGNOSIS.ports, excluded: { ipv4: null, ipv6: null } },
  unavailable: { 'excluded.ipv4': 'netsh is not installed' },
} as unknown as Diagnosis;
const NOT_SET = { MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: false } } as const;
const CONTEXT = { usesDynamicPortRange: true, diagnosis: DIAGNOSIS, diagnosisFailure: null, values: NOT_SET };
const walk = (...events: WizardEvent[]): WizardState => events.reduce(wizardReducer, initialWizard());
const MYSQL: WizardEvent = { type: 'choose', template: 'mysql' };

describe("a MaxUserPort change and MySQL's ports", () => {
  it('needs nothing more when it reserves 3306 and 33060', () => {
    const checked = checkDraft(walk(MYSQL), CONTEXT);
    assert.equal(checked.unprotected, null);
    assert.equal(checked.blocked, null);
    assert.equal(checked.change?.acceptUnprotected, undefined);
  });

  it('waits for the acceptance, naming the exact ports, when netsh was not read; then sends it', () => {
    const unread = { ...CONTEXT, diagnosis: UNREAD };
    const waiting = checkDraft(walk(MYSQL), unread);
    assert.deepEqual(waiting.unprotected?.ports, [3306, 33060]);
    assert.equal(
      waiting.blocked,
      'Reserve 3306 and 33060 or tick "I accept that 3306 and 33060 are unprotected" to go on.',
    );
    assert.equal(waiting.change?.acceptUnprotected, undefined, 'not accepted: the main side would refuse it');
    const accepted = checkDraft(walk(MYSQL, { type: 'accept', on: true }), unread);
    assert.equal(accepted.blocked, null);
    assert.deepEqual(accepted.change, { MaxUserPort: 65534, TcpTimedWaitDelay: 30, acceptUnprotected: true });
  });

  it('asks nothing yet while netsh is still being read (Review holds Apply until it answers), and sends no acceptance', () => {
    const reading = checkDraft(walk(MYSQL), { ...CONTEXT, diagnosis: null });
    assert.deepEqual(reading.unprotected?.reading, true);
    assert.equal(reading.blocked, null);
    assert.deepEqual(reading.unknownPorts, { reading: true });
    assert.equal(reading.change?.acceptUnprotected, undefined);
  });

  it('asks for the acceptance of an unticked 3306 alone, and not for an unticked 33061', () => {
    assert.equal(checkDraft(walk(MYSQL, { type: 'protect', port: 33061, on: false }), CONTEXT).blocked, null);
    const unticked = checkDraft(walk(MYSQL, { type: 'protect', port: 3306, on: false }), CONTEXT);
    assert.equal(unticked.blocked, 'Reserve 3306 or tick "I accept that 3306 is unprotected" to go on.');
  });

  it('reserves them for a MaxUserPort set with a new range too: the restart reshapes that range as well', () => {
    const range = { use: true, start: '33063', count: '32473' };
    const checked = checkDraft(
      walk({
        type: 'choose',
        template: 'custom',
        fill: { draft: { MaxUserPort: '65534', TcpTimedWaitDelay: null }, range },
      }),
      CONTEXT,
    );
    assert.deepEqual(checked.change?.reservePorts, [3306, 33060, 33061, 33062]);
    assert.equal(checked.protect?.because, 'the range MaxUserPort 65534 makes after a restart');
    assert.equal(checked.blocked, null);
  });

  it('asks nothing of a change that leaves MaxUserPort alone, even with netsh unread', () => {
    const checked = checkDraft(
      walk({ type: 'choose', template: 'custom' }, { type: 'edit', name: 'MaxUserPort', text: null }),
      { ...CONTEXT, diagnosis: UNREAD },
    );
    assert.equal(checked.blocked, null);
  });
});

describe("Custom's own ports", () => {
  it('joins the ports reserved, sorted, unless both families hold it already', () => {
    const held = {
      ...DIAGNOSIS,
      ports: {
        ...DIAGNOSIS.ports,
        excluded: {
          ipv4: [{ start: 8080, end: 8080, administered: true }],
          ipv6: [{ start: 8080, end: 8080, administered: true }],
        },
      },
    } as unknown as Diagnosis;
    const state = walk(
      {
        type: 'choose',
        template: 'custom',
        fill: { draft: { MaxUserPort: null, TcpTimedWaitDelay: '30' }, range: { use: false, start: '', count: '' } },
      },
      { type: 'own-port', port: 5432 },
      { type: 'own-port', port: 8080 },
    );
    assert.deepEqual(checkDraft(state, { ...CONTEXT, diagnosis: held }).change, {
      TcpTimedWaitDelay: 30,
      reservePorts: [5432],
    });
  });
});

describe('the change the wizard offers', () => {
  it('starts on Check with the template recommended for this Windows: the netsh range, TcpTimedWaitDelay 30, MaxUserPort left alone', () => {
    const state = initialWizard();
    assert.equal(state.view, 'check');
    assert.equal(state.template, 'recommended');
    assert.deepEqual(checkDraft(state, CONTEXT).change, {
      TcpTimedWaitDelay: 30,
      dynamicRange: { start: 33063, count: 32473 },
    });
    // Before Vista, MaxUserPort is the lever; without netsh there is no range to offer.
    assert.deepEqual(checkDraft(state, { ...CONTEXT, usesDynamicPortRange: false }).change, {
      MaxUserPort: 65534,
      TcpTimedWaitDelay: 30,
    });
    assert.deepEqual(checkDraft(state, { ...CONTEXT, diagnosis: null }).change, { TcpTimedWaitDelay: 30 });
  });

  it('protects every port the change puts inside the range unless unticked, and says when nothing would change', () => {
    let state = wizardReducer(initialWizard(), { type: 'choose', template: 'mysql' });
    assert.deepEqual(checkDraft(state, CONTEXT).change, {
      MaxUserPort: 65534,
      TcpTimedWaitDelay: 30,
      reservePorts: [3306, 33060, 33061, 33062],
    });
    assert.equal(checkDraft(state, CONTEXT).protect?.because, 'the range MaxUserPort 65534 makes after a restart');
    state = wizardReducer(state, { type: 'protect', port: 33062, on: false });
    assert.deepEqual(checkDraft(state, CONTEXT).change?.reservePorts, [3306, 33060, 33061]);
    const done = {
      MaxUserPort: { present: true, type: 'REG_DWORD', data: 65534 },
      TcpTimedWaitDelay: { present: true, type: 'REG_DWORD', data: 30 },
    } as const;
    const held = [3306, 33060, 33061].map((port) => ({ start: port, end: port, administered: true }));
    const reserved = { ...DIAGNOSIS.ports, excluded: { ipv4: held, ipv6: held } };
    assert.equal(
      checkDraft(state, { ...CONTEXT, values: done, diagnosis: { ...DIAGNOSIS, ports: reserved } }).nothing,
      true,
    );
  });

  it('sends nothing while a value is half-typed', () => {
    const typing = walk({ type: 'choose', template: 'custom' }, { type: 'edit', name: 'TcpTimedWaitDelay', text: '6' });
    assert.equal(checkDraft(typing, CONTEXT).change, null);
    assert.equal(checkDraft(typing, CONTEXT).checks.TcpTimedWaitDelay?.ok, false);
  });

  it("holds a range-moving change while netsh's exclusions are read, and says why none is reserved when they were not", () => {
    const mysql = wizardReducer(initialWizard(), { type: 'choose', template: 'mysql' });
    assert.deepEqual(checkDraft(mysql, CONTEXT).unknownPorts, null);
    const reading = checkDraft(mysql, { ...CONTEXT, diagnosis: null });
    assert.deepEqual(reading.unknownPorts, { reading: true });
    assert.equal(reading.change?.reservePorts, undefined, 'nothing to reserve is known yet: Review holds Apply');
    assert.deepEqual(
      checkDraft(mysql, { ...CONTEXT, diagnosis: null, diagnosisFailure: 'The diagnosis did not answer.' })
        .unknownPorts,
      { reading: false, why: 'The diagnosis did not answer.' },
    );
    const unread = {
      ...DIAGNOSIS,
      ports: { ...DIAGNOSIS.ports, excluded: { ipv4: null, ipv6: [] } },
      unavailable: { 'excluded.ipv4': 'netsh printed no exclusion table' },
    } as unknown as Diagnosis;
    assert.deepEqual(checkDraft(mysql, { ...CONTEXT, diagnosis: unread }).unknownPorts, {
      reading: false,
      why: 'netsh printed no exclusion table',
    });
    // A change that leaves MaxUserPort alone does not move the range, and before Vista netsh has no exclusions: neither waits.
    const delayOnly = wizardReducer(wizardReducer(mysql, { type: 'choose', template: 'custom' }), {
      type: 'edit',
      name: 'MaxUserPort',
      text: null,
    });
    assert.deepEqual(checkDraft(delayOnly, { ...CONTEXT, diagnosis: null }).change, { TcpTimedWaitDelay: 30 });
    assert.deepEqual(checkDraft(delayOnly, { ...CONTEXT, diagnosis: null }).unknownPorts, null);
    assert.deepEqual(
      checkDraft(mysql, { ...CONTEXT, diagnosis: null, usesDynamicPortRange: false }).unknownPorts,
      null,
    );
  });
});
