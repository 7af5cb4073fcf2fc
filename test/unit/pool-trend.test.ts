/** The verdict scales with the evidence: share, trend, Windows' own events, and which side holds TIME_WAIT. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PoolSample } from '../../shared/pool-sample';
import { durationText, fillRate, figuresOf, verdict } from '../../shared/pool-trend';

const T0 = Date.parse('2026-12-01T22:00:00Z');

function sample(seconds: number, timeWait: number, overrides: Partial<PoolSample> = {}, pool = 16384): PoolSample {
  return {
    at: T0 + seconds * 1000,
    tcp: {
      sockets: timeWait + 2, bound: 0,
      held: { ipv4: { timeWait, established: 2, other: 0 }, ipv6: { timeWait: 0, established: 0, other: 0 } },
      remotes: [{ address: '10.0.0.5', port: 3306, timeWait, established: 2, other: 0 }],
      processes: [{ pid: 7310, name: 'php-cgi.exe', timeWait: 0, established: 2, other: 0 }],
      serverTimeWait: [],
    },
    pool: { ipv4: pool, ipv6: pool },
    events: { count: 0, latest: null },
    alert: null,
    unavailable: {},
    ...overrides,
  };
}

describe('pool trend', () => {
  it('at 5 sockets says there is no exhaustion, with the share', () => {
    const found = verdict([sample(0, 3)], 80);
    assert.equal(found.level, 'calm');
    assert.equal(found.title, 'No exhaustion now (under 1% of the pool).');
    assert.equal(found.over, false);
  });

  it('at 92% and rising says the host is running out, and when it will be full', () => {
    // 15,000 to 15,073 held over 3 s: about 24.7 ports/s, 1,311 free: full in about 53 s.
    const found = verdict([sample(0, 14998), sample(3, 15072)], 80);
    assert.equal(found.level, 'running-out');
    assert.equal(found.over, true);
    assert.equal(found.title, 'This host is running out: 92% of its outgoing ports held (15,074 of 16,384, IPv4), full in about 53 s at this rate.');
  });

  it('calls a pool half full, or full within ten minutes, filling', () => {
    assert.equal(verdict([sample(0, 8000)], 80).level, 'filling');
    // 1,000 more every 30 s over 16,384: about 33/s, full in about 7 min.
    const rising = verdict([sample(0, 2000), sample(30, 3000)], 80);
    assert.equal(rising.level, 'filling');
    assert.match(rising.title, /^Filling: 18% of its outgoing ports held .*full in about 7 min at this rate\.$/);
  });

  it('counts Tcpip events 4227/4231 as evidence even when the pool is calm now', () => {
    const found = verdict([sample(0, 300, { events: { count: 3, latest: '2026-11-24T11:30:00.500Z' } })], 80);
    assert.equal(found.level, 'warned');
    assert.equal(found.title, 'No exhaustion now (2% of the pool), but Windows ran out of ports here before: 3 Tcpip events 4227/4231 in the last 7 days.');
    const running = verdict([sample(0, 15500, { events: { count: 3, latest: '2026-11-24T11:30:00.500Z' } })], 80);
    assert.match(running.notes[0], /^Windows logged 3 Tcpip events 4227\/4231 .* the latest 2026-11-24 11:30 UTC\.$/);
  });

  it('honours the alert threshold it is given', () => {
    assert.equal(verdict([sample(0, 8200)], 50).over, true);
    assert.equal(verdict([sample(0, 8200)], 60).over, false);
  });

  it('reports server-side TIME_WAIT apart, per listening port, with the advice to tune the clients', () => {
    const tcp = { ...sample(0, 10).tcp!, serverTimeWait: [{ port: 3306, process: 'mysqld.exe', timeWait: 400 }, { port: 8080, process: null, timeWait: 2 }] };
    const found = verdict([sample(0, 10, { tcp })], 80);
    assert.equal(found.level, 'calm');
    assert.deepEqual(found.notes, [
      '402 TIME_WAIT on listening ports (3306 (mysqld.exe): 400, 8080: 2): a server here closed first. That holds no outgoing port here; tune the clients (pooling, persistent connections) on the hosts that connect.',
    ]);
  });

  it('says it cannot tell the sides apart where listening sockets are not listed (Wine)', () => {
    const tcp = { ...sample(0, 10).tcp!, serverTimeWait: null };
    const found = verdict([sample(0, 10, { tcp, unavailable: { listening: "Wine's netstat does not list listening sockets" } })], 80);
    assert.match(found.notes[0], /^Listening sockets: not read: Wine's netstat does not list listening sockets\. So TIME_WAIT that a server here closed first cannot be told apart/);
  });

  it('invents no share where the pool or the connections were not read', () => {
    const noPool = verdict([sample(0, 10, { pool: { ipv4: null, ipv6: null }, unavailable: { 'dynamic.ipv4': 'netsh is not available under Wine.' } })], 80);
    assert.equal(noPool.level, 'unknown');
    assert.equal(noPool.title, '12 ports held by outgoing connections, but no share of the pool: pool not read: netsh is not available under Wine.');
    const noTcp = verdict([sample(0, 10, { tcp: null, unavailable: { tcp: 'netstat exited with 1' } })], 80);
    assert.equal(noTcp.title, 'Cannot tell how full the port pool is. Connections: not read: netstat exited with 1.');
  });

  it('takes the fill rate as the slope over the last minute only', () => {
    assert.equal(fillRate([{ at: 0, held: 10 }]), null);
    assert.equal(fillRate([{ at: 0, held: 0 }, { at: 1000, held: 10 }, { at: 2000, held: 20 }]), 10);
    // A burst two minutes ago is outside the window: the last minute is flat.
    assert.equal(fillRate([{ at: 0, held: 0 }, { at: 1000, held: 5000 }, { at: 120_000, held: 5000 }, { at: 150_000, held: 5000 }]), 0);
    const falling = figuresOf([sample(0, 1000), sample(10, 900)], 'ipv4')!;
    assert.equal(falling.rate, -10);
    assert.equal(falling.secondsToFull, null);
  });

  it('words durations as a DBA reads them', () => {
    assert.deepEqual([durationText(40), durationText(420), durationText(7200)], ['about 40 s', 'about 7 min', 'about 2 h']);
  });
});
