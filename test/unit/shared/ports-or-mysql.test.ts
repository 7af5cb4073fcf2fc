import assert from 'node:assert/strict';
import { test } from 'node:test';
import { leverOf, type ProbeClass, type ProbeResult } from '../../../shared/probe';
import { portsOrMysql, type Evidence } from '../../../shared/ports-or-mysql';

const probed = (found: ProbeClass, message = ''): ProbeResult => ({
  target: 'db01:3306',
  at: '2026-12-07T15:00:00.000Z',
  class: found,
  code: null,
  errno: null,
  message,
  milliseconds: 3,
  phase: 'auth',
  server: null,
  lever: leverOf(found),
});
const calm: Evidence = {
  clientError: 'unknown',
  probe: null,
  share: 0.05,
  timeWaitToServer: 0,
  events: { 4227: 0, 4231: 0 },
};

test('MySQL refusing is said first, with its lever, and tuning is not the next step, however full the pool', () => {
  const found = portsOrMysql({
    ...calm,
    clientError: '2003',
    probe: probed('too-many-connections', '1040 Too many connections'),
    share: 0.95,
  });
  assert.equal(found.kind, 'mysql');
  assert.equal(found.title, 'Not the ports: MySQL refused (1040 Too many connections)');
  assert.match(
    found.next,
    /raise max_connections or pool the clients; changing ports here will not help\. Tuning the ports here is not the next step\./i,
  );
});

test('the ports: a full pool, exhaustion events or no free local port, with the figures', () => {
  assert.equal(
    portsOrMysql({ ...calm, probe: probed('reachable'), share: 0.85, timeWaitToServer: 14000 }).title,
    'It is the ports: 85% of the pool is held; 14000 connections to that server wait in TIME_WAIT here',
  );
  assert.equal(portsOrMysql({ ...calm, events: { 4227: 2, 4231: 1 } }).kind, 'ports');
  assert.equal(portsOrMysql({ ...calm, probe: probed('ports-exhausted') }).kind, 'ports');
});

test('a dead listener or no route is not the ports, whatever the ports did this week', () => {
  const found = portsOrMysql({
    ...calm,
    clientError: '10061',
    probe: probed('refused', 'connect ECONNREFUSED 10.0.0.5:3306'),
    events: { 4227: 1, 4231: 2 },
  });
  assert.equal(found.kind, 'network');
  assert.match(found.title, /^Not the ports: nothing listens there/);
  assert.match(found.next, /not the next step/);
});

test("the clients' own 1040/1129/1130 says MySQL even when the test got in now", () => {
  const found = portsOrMysql({
    ...calm,
    clientError: '1129',
    probe: probed('reachable'),
    events: { 4227: 0, 4231: 3 },
  });
  assert.equal(found.kind, 'mysql');
  assert.match(found.next, /come and go/);
});

test('a healthy answer on a calm pool: not the ports now, and the admin-slot blind spot named', () => {
  const found = portsOrMysql({ ...calm, probe: probed('reachable') });
  assert.equal(found.kind, 'calm');
  assert.match(found.title, /5% of the pool is held/);
  assert.match(found.next, /USAGE only/);
});

test('without a test: 10048/10055 point at the ports, anything else is not known yet', () => {
  assert.equal(portsOrMysql({ ...calm, clientError: '10055' }).kind, 'ports');
  assert.equal(portsOrMysql({ ...calm, clientError: '2013' }).kind, 'unknown');
});
