/** The verdict scales with the evidence: share, trend, Windows' own events, and which side holds TIME_WAIT. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PoolSample } from '../../../shared/pool-sample';
import { durationText, fillRate, figuresOf, verdict } from '../../../shared/pool-trend';

// The verdict writes times in this machine's zone: the test fixes it, so the expected text is exact.
process.env.TZ = 'UTC';
const T0 = Date.parse('2026-12-01T22:00:00Z');

function sample(seconds: number, timeWait: number, overrides: Partial<PoolSample> = {}, pool = 16384): PoolSample {
  return {
    at: T0 + seconds * 1000,
    tcp: {
      sockets: timeWait + 2,
      bound: 0,
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
  it('at 5 sockets says the level is low, with the share and the counts it comes from', () => {
    const found = verdict([sample(0, 3)], 80);
    assert.equal(found.level, 'calm');
    assert.equal(found.title, 'Low: under 1% held (5 of 16,384, IPv4); trend not known yet.');
    assert.equal(found.over, false);
  });

  it('at 92% and rising says the host is running out, and when it will be full', () => {
    // 15,000 to 15,073 held over 3 s: about 24.7 ports/s, 1,311 free: full in about 53 s.
    const found = verdict([sample(0, 14998), sample(3, 15072)], 80);
    assert.equal(found.level, 'running-out');
    assert.equal(found.over, true);
    assert.equal(found.title, 'Critical: 92% held (15,074 of 16,384, IPv4); rising +25 ports/s, full in about 53 s.');
  });

  it('calls a pool half full, or full within ten minutes, filling', () => {
    assert.equal(verdict([sample(0, 8000)], 80).level, 'filling');
    // 1,000 more every 30 s over 16,384: about 33/s, full in about 7 min.
    const rising = verdict([sample(0, 2000), sample(30, 3000)], 80);
    assert.equal(rising.level, 'filling');
    assert.equal(rising.title, 'Low: 18% held (3,002 of 16,384, IPv4); rising +33 ports/s, full in about 7 min.');
  });

  it('keeps the level and the trend apart: a high share that holds steady, and one that falls', () => {
    // 68% of 16,224 held, the same over a minute: high, but not filling.
    const steady = verdict([sample(0, 11058, {}, 16224), sample(30, 11058, {}, 16224)], 80);
    assert.equal(steady.title, 'High: 68% held (11,060 of 16,224, IPv4); steady.');
    const falling = verdict([sample(0, 15500), sample(30, 15200)], 80);
    assert.equal(falling.level, 'running-out');
    assert.equal(falling.title, 'Critical: 93% held (15,202 of 16,384, IPv4); falling -10 ports/s.');
  });

  it('counts Tcpip events 4227/4231 as evidence even when the pool is calm now', () => {
    const found = verdict([sample(0, 300, { events: { count: 3, latest: '2026-11-24T11:30:00.500Z' } })], 80);
    assert.equal(found.level, 'warned');
    assert.equal(
      found.title,
      'Low: 2% held (302 of 16,384, IPv4); trend not known yet. Windows ran out of ports here before: 3 Tcpip events 4227 or 4231 in the last 7 days, the latest 2026-11-24 11:30:00.',
    );
    const running = verdict([sample(0, 15500, { events: { count: 3, latest: '2026-11-24T11:30:00.500Z' } })], 80);
    // The two events mean different things: one endpoint reused too soon, or the whole port space used up.
    assert.equal(
      running.notes[0],
      'Windows logged 3 Tcpip events 4227 (a local port reused too soon for the same server, close to error 10048) or 4231 (no ephemeral port left in the TCP port space, close to error 10055) in the last 7 days, the latest 2026-11-24 11:30:00.',
    );
  });

  it('honours the alert threshold it is given', () => {
    assert.equal(verdict([sample(0, 8200)], 50).over, true);
    assert.equal(verdict([sample(0, 8200)], 60).over, false);
  });

  it('reports server-side TIME_WAIT apart, per listening port, with the advice to tune the clients', () => {
    const tcp = {
      ...sample(0, 10).tcp!,
      serverTimeWait: [
        { port: 3306, process: 'mysqld.exe', timeWait: 400 },
        { port: 8080, process: null, timeWait: 2 },
      ],
    };
    const found = verdict([sample(0, 10, { tcp })], 80);
    assert.equal(found.level, 'calm');
    assert.deepEqual(found.notes, [
      '402 TIME_WAIT on listening ports (3306 (mysqld.exe): 400, 8080: 2): a server here closed first. That holds no outgoing port here; tune the clients (pooling, persistent connections) on the hosts that connect.',
    ]);
  });

  it('says it cannot tell the sides apart where listening sockets are not listed (Wine)', () => {
    const tcp = { ...sample(0, 10).tcp!, serverTimeWait: null };
    const found = verdict(
      [sample(0, 10, { tcp, unavailable: { listening: "Wine's netstat does not list listening sockets" } })],
      80,
    );
    assert.match(
      found.notes[0],
      /^Listening sockets: not read: Wine's netstat does not list listening sockets\. So TIME_WAIT that a server here closed first cannot be told apart/,
    );
  });

  it('invents no share where the pool or the connections were not read', () => {
    const noPool = verdict(
      [
        sample(0, 10, {
          pool: { ipv4: null, ipv6: null },
          unavailable: { 'dynamic.ipv4': 'netsh is not available under Wine.' },
        }),
      ],
      80,
    );
    assert.equal(noPool.level, 'unknown');
    assert.equal(
      noPool.title,
      '12 ports held by outgoing connections, but no share of the pool: pool not read: netsh is not available under Wine.',
    );
    const noTcp = verdict([sample(0, 10, { tcp: null, unavailable: { tcp: 'netstat exited with 1' } })], 80);
    assert.equal(noTcp.title, 'Cannot tell how full the port pool is. Connections: not read: netstat exited with 1.');
  });

  it('takes the fill rate as the slope over the last minute only', () => {
    assert.equal(fillRate([{ at: 0, held: 10 }]), null);
    assert.equal(
      fillRate([
        { at: 0, held: 0 },
        { at: 1000, held: 10 },
        { at: 2000, held: 20 },
      ]),
      10,
    );
    // A burst two minutes ago is outside the window: the last minute is flat.
    assert.equal(
      fillRate([
        { at: 0, held: 0 },
        { at: 1000, held: 5000 },
        { at: 120_000, held: 5000 },
        { at: 150_000, held: 5000 },
      ]),
      0,
    );
    const falling = figuresOf([sample(0, 1000), sample(10, 900)], 'ipv4')!;
    assert.equal(falling.rate, -10);
    assert.equal(falling.secondsToFull, null);
  });

  it('words durations as a DBA reads them', () => {
    assert.deepEqual(
      [durationText(40), durationText(420), durationText(7200)],
      ['about 40 s', 'about 7 min', 'about 2 h'],
    );
  });
});

describe('a share past 100%', () => {
  it('is explained: held ports counted against a smaller range than they were taken from', () => {
    // 26,060 held after an undo put the range back to 49152-65535.
    const found = verdict([sample(0, 26058)], 80);
    assert.equal(found.title, 'Critical: 159% held (26,060 of 16,384, IPv4); trend not known yet.');
    assert.match(
      found.notes[0],
      /^More ports are held than the pool has now: connections opened while the range was larger keep their ports until they close/,
    );
    assert.equal(verdict([sample(0, 8000)], 80).notes.length, 0);
  });
});
