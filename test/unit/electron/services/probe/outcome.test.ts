import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  closedSilently,
  networkFailed,
  notMysqlAt,
  serverAnswered,
  targetOf,
  timedOut,
  unspokenPlugin,
} from '../../../../../electron/services/probe/outcome';

describe('what a probe reports, in words', () => {
  it('names the target as typed, an IPv6 address in brackets so its port stays readable', () => {
    assert.equal(targetOf('db01', 3306), 'db01:3306');
    assert.equal(targetOf('::1', 3306), '[::1]:3306');
  });

  it('says what the probe was still waiting for when it gave up, and after how many seconds', () => {
    assert.deepEqual(timedOut('none', 5000), {
      class: 'timeout',
      code: null,
      errno: null,
      message: 'no TCP connection within 5 s',
    });
    assert.equal(timedOut('tcp', 2500).message, 'connected, but no greeting from the server within 2.5 s');
    assert.equal(timedOut('greeting', 5000).message, 'greeted, but no answer to the login within 5 s');
    assert.equal(timedOut('auth', 5000).message, 'the login did not finish within 5 s');
  });

  it("passes the server's refusal on with its number, and warns a real account against guessing", () => {
    const madeUp = serverAnswered(1045, "Access denied for user 'tcp_port_tuner_probe'", false);
    assert.equal(madeUp.class, 'reachable');
    assert.equal(madeUp.errno, 1045);
    assert.equal(madeUp.message, "1045 Access denied for user 'tcp_port_tuner_probe'");
    assert.equal(madeUp.lever, undefined, 'the made-up login is meant to be refused');
    const account = serverAnswered(1045, 'Access denied', true);
    assert.match(
      account.lever ?? '',
      /max_password_errors \(MariaDB\) and FAILED_LOGIN_ATTEMPTS \(MySQL\) lock the account/,
    );
    assert.equal(serverAnswered(1040, 'Too many connections', true).lever, undefined);
  });

  it('reports a peer that is not MySQL, a plugin it cannot speak and a silent close as errors, saying which', () => {
    assert.deepEqual(notMysqlAt('[::1]:3306', 'first byte 0x48'), {
      class: 'error',
      code: null,
      errno: null,
      message: "The server at [::1]:3306 does not speak MySQL's protocol (first byte 0x48).",
    });
    assert.equal(
      unspokenPlugin('auth_gssapi_client').message,
      'The account uses the auth_gssapi_client plugin, which the probe does not speak.',
    );
    assert.equal(closedSilently('none').message, 'The connection closed before it was made.');
    assert.equal(
      closedSilently('greeting').message,
      'The server closed the connection without a word (after greeting).',
    );
    for (const phase of ['none', 'tcp', 'greeting', 'auth'] as const)
      assert.equal(closedSilently(phase).class, 'error');
  });

  it("keeps a network error's code and errno as Node gave them, and a missing errno as not known", () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), {
      code: 'ECONNREFUSED',
      errno: -4078,
      syscall: 'connect',
    });
    assert.deepEqual(networkFailed(refused), {
      class: 'refused',
      code: 'ECONNREFUSED',
      errno: -4078,
      message: 'connect ECONNREFUSED 127.0.0.1:3306',
    });
    assert.deepEqual(networkFailed(new Error('socket hang up')), {
      class: 'error',
      code: null,
      errno: null,
      message: 'socket hang up',
    });
  });
});
