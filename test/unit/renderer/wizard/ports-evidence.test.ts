import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { portsCheck, type PortsTest } from '../../../../renderer/wizard/ports-evidence';
import type { Diagnosis } from '../../../../shared/diagnosis';
import type { PoolSample } from '../../../../shared/pool-sample';
import { leverOf, type ProbeClass } from '../../../../shared/probe';

const tested = (host: string, found: ProbeClass = 'reachable'): PortsTest => ({
  result: {
    target: `${host}:3306`,
    at: '2026-12-07T15:00:00.000Z',
    class: found,
    code: null,
    errno: null,
    message: '',
    milliseconds: 3,
    phase: 'auth',
    server: null,
    lever: leverOf(found),
  },
  host,
  port: 3306,
});

const held = (timeWait: number) => ({
  ipv4: { timeWait, established: 0, other: 0 },
  ipv6: { timeWait: 0, established: 0, other: 0 },
});
const sample = (timeWait: number): PoolSample => ({
  at: 0,
  tcp: { sockets: timeWait, bound: null, held: held(timeWait), remotes: [], processes: null, serverTimeWait: null },
  pool: { ipv4: 1000, ipv6: 1000 },
  events: null,
  alert: null,
  unavailable: {},
});

// Only the parts the evidence reads: TIME_WAIT per remote, the events and what was not read.
const diagnosis = (unavailable: Record<string, string> = {}) =>
  ({
    tcp: { remotes: [{ address: '10.0.0.5', port: 3306, timeWait: 900, established: 3, other: 0 }] },
    events: { count: 2, latest: null, byId: { 4227: 0, 4231: 2 } },
    unavailable,
  }) as unknown as Diagnosis;

describe('"Is it the ports?" on the Check page', () => {
  it('before anything is read or tested, says why each part is missing and gives no verdict either way', () => {
    const check = portsCheck({ clientError: 'unknown', test: null }, null, []);
    assert.deepEqual(check.evidence, {
      clientError: 'unknown',
      probe: null,
      share: null,
      timeWaitToServer: null,
      events: null,
    });
    assert.deepEqual(check.reasons, {
      share: 'no live sample yet',
      timeWait: 'test the connection first',
      events: 'the diagnosis is still being read',
    });
    assert.equal(check.target, 'the server');
    assert.equal(check.verdict.kind, 'unknown');
  });

  it("counts TIME_WAIT towards the server tested by its IP address, from netstat's row for that address and port", () => {
    const check = portsCheck({ clientError: '2003', test: tested('10.0.0.5') }, diagnosis(), [sample(850)]);
    assert.equal(check.evidence.timeWaitToServer, 900);
    assert.equal(check.evidence.share, 0.85);
    assert.deepEqual(check.evidence.events, { 4227: 0, 4231: 2 });
    assert.equal(check.target, '10.0.0.5:3306');
    assert.equal(check.verdict.kind, 'ports');
    // A server netstat lists no row for holds none of this host's ports: 0, not "not read".
    assert.equal(
      portsCheck({ clientError: 'unknown', test: tested('10.0.0.9') }, diagnosis(), []).evidence.timeWaitToServer,
      0,
    );
  });

  it('cannot match a host name to netstat, and says to test the IP address instead', () => {
    const check = portsCheck({ clientError: 'unknown', test: tested('db01') }, diagnosis(), []);
    assert.equal(check.evidence.timeWaitToServer, null);
    assert.match(check.reasons.timeWait ?? '', /test the server's IP address/);
  });

  it("passes on the diagnosis's own reason where netstat or the event log was not read", () => {
    const unread = {
      ...diagnosis({ tcp: 'netstat timed out', events: 'wevtutil: access denied' }),
      tcp: null,
      events: null,
    } as Diagnosis;
    const check = portsCheck({ clientError: 'unknown', test: tested('10.0.0.5') }, unread, []);
    assert.equal(check.evidence.timeWaitToServer, null);
    assert.deepEqual([check.reasons.timeWait, check.reasons.events], ['netstat timed out', 'wevtutil: access denied']);
  });

  it('says MySQL, not the ports, when MySQL refused the test, however full the pool', () => {
    const check = portsCheck(
      { clientError: 'unknown', test: tested('10.0.0.5', 'too-many-connections') },
      diagnosis(),
      [sample(950)],
    );
    assert.equal(check.verdict.kind, 'mysql');
  });
});
