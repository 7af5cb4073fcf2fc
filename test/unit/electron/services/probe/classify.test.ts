import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classOfNodeError, classOfServerError } from '../../../../../electron/services/probe/classify';

/** A network error as Node reports it. */
const failed = (code: string | undefined, errno: number, syscall = 'connect'): NodeJS.ErrnoException =>
  Object.assign(new Error(`${syscall} ${code}`), { code, errno, syscall });

describe('classOfNodeError', () => {
  it("knows a connection refused by its code, whatever the platform's errno", () => {
    assert.equal(classOfNodeError(failed('ECONNREFUSED', -111)), 'refused', 'Linux');
    assert.equal(classOfNodeError(failed('ECONNREFUSED', -4078)), 'refused', 'Windows');
  });

  it('calls every way Windows and Linux say the local ports ran out ports-exhausted', () => {
    // Winsock's 10048 and 10055 reach Node as EADDRINUSE and ENOBUFS; Linux says EADDRNOTAVAIL on connect.
    for (const code of ['EADDRINUSE', 'ENOBUFS', 'EADDRNOTAVAIL'])
      assert.equal(classOfNodeError(failed(code, -1)), 'ports-exhausted', code);
  });

  it("does not blame the ports for a source address that is not this machine's", () => {
    assert.equal(classOfNodeError(failed('EADDRNOTAVAIL', -99, 'bind')), 'error');
  });

  it('tells a timeout, an unreachable host and a name that does not resolve apart', () => {
    assert.equal(classOfNodeError(failed('ETIMEDOUT', -110)), 'timeout');
    for (const code of ['EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN'])
      assert.equal(classOfNodeError(failed(code, -1)), 'unreachable', code);
    for (const code of ['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME'])
      assert.equal(classOfNodeError(failed(code, -3008, 'getaddrinfo')), 'name-not-found', code);
  });

  it('calls anything else an error rather than guessing', () => {
    assert.equal(classOfNodeError(failed('ECONNRESET', -104)), 'error');
    assert.equal(classOfNodeError(failed(undefined, 0)), 'error');
  });
});

describe('classOfServerError', () => {
  it('1045 to the made-up login is the healthy answer; to a real account it is a refused login', () => {
    assert.deepEqual(classOfServerError(1045, false), { class: 'reachable', code: 'ER_ACCESS_DENIED_ERROR' });
    assert.deepEqual(classOfServerError(1045, true), { class: 'error', code: 'ER_ACCESS_DENIED_ERROR' });
  });

  it("names MySQL's own refusals, which no port change helps", () => {
    assert.deepEqual(classOfServerError(1040, false), { class: 'too-many-connections', code: 'ER_CON_COUNT_ERROR' });
    assert.deepEqual(classOfServerError(1203, true), {
      class: 'too-many-connections',
      code: 'ER_TOO_MANY_USER_CONNECTIONS',
    });
    assert.deepEqual(classOfServerError(1129, false), { class: 'host-blocked', code: 'ER_HOST_IS_BLOCKED' });
    assert.deepEqual(classOfServerError(1130, false), { class: 'host-not-allowed', code: 'ER_HOST_NOT_PRIVILEGED' });
  });

  it('keeps the number of an error it does not know', () => {
    assert.deepEqual(classOfServerError(2013, false), { class: 'error', code: 'ER_2013' });
  });
});
