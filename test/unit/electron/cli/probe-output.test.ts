import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { probeExitCode, probeLine } from '../../../../electron/cli/probe-output';
import { leverOf, type ProbeClass, type ProbePhase, type ProbeResult } from '../../../../shared/probe';

const attempt = (found: ProbeClass, phase: ProbePhase, extra: Partial<ProbeResult> = {}): ProbeResult => ({
  target: 'db01:3306',
  at: '2026-12-07T18:30:05.123Z',
  class: found,
  code: null,
  errno: null,
  message: 'said',
  milliseconds: 12,
  phase,
  server: null,
  lever: leverOf(found),
  ...extra,
});

describe('probeExitCode', () => {
  it('0 when MySQL answered as a working server does', () => {
    assert.equal(probeExitCode(attempt('ok', 'auth')), 0);
    assert.equal(probeExitCode(attempt('reachable', 'auth')), 0);
  });

  it('8 when MySQL itself refused: it greeted, so the network and the ports worked', () => {
    assert.equal(probeExitCode(attempt('too-many-connections', 'greeting')), 8);
    assert.equal(probeExitCode(attempt('host-not-allowed', 'auth')), 8);
    assert.equal(probeExitCode(attempt('error', 'auth')), 8, 'a refused login to a real account');
  });

  it('9 when no MySQL answered at all', () => {
    for (const [found, phase] of [
      ['refused', 'none'],
      ['ports-exhausted', 'none'],
      ['timeout', 'tcp'],
      ['name-not-found', 'none'],
    ] as const) {
      assert.equal(probeExitCode(attempt(found, phase)), 9, found);
    }
  });
});

describe('probeLine', () => {
  it('says when, what, how far it got and how long, and what was said, on one line', () => {
    assert.equal(
      probeLine(attempt('refused', 'none', { message: 'connect ECONNREFUSED 10.0.0.5:3306' })),
      '18:30:05  db01:3306  refused  (none, 12 ms)  connect ECONNREFUSED 10.0.0.5:3306',
    );
  });

  it("adds the server's version once it greeted", () => {
    assert.match(
      probeLine(attempt('reachable', 'auth', { server: '10.11.6-MariaDB' })),
      /\(auth, 12 ms, 10\.11\.6-MariaDB\)/,
    );
  });
});
