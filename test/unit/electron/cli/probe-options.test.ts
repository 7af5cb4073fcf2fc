import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { probeFrom, targetFrom } from '../../../../electron/cli/probe-options';
import { TunerError } from '../../../../electron/services/errors';

/** A refusal with exit 2 (invalid input) that says nothing was sent. */
const refusedWith = (said: RegExp) => (error: TunerError) => {
  assert.equal(error.kind, 'invalid-input');
  assert.match(error.message, said);
  assert.match(error.message, /Nothing was sent\.$/);
  return true;
};

describe('probeFrom', () => {
  it('probes MySQL on port 3306 once, with a 5 s timeout and the made-up login, when only a host is given', () => {
    assert.deepEqual(probeFrom({}, 'db01'), {
      host: 'db01',
      port: 3306,
      timeout: 5,
      count: 1,
      interval: 5,
      sourceAddress: null,
      user: null,
    });
  });

  it('takes every option as typed', () => {
    const values = { timeout: '10', count: '3', interval: '2', 'source-address': 'fe80::1', user: 'monitor' };
    assert.deepEqual(probeFrom(values, '[::1]:3307'), {
      host: '::1',
      port: 3307,
      timeout: 10,
      count: 3,
      interval: 2,
      sourceAddress: 'fe80::1',
      user: 'monitor',
    });
  });

  it('refuses a timeout, count or interval out of its range, naming the option', () => {
    assert.throws(
      () => probeFrom({ timeout: '61' }, 'db01'),
      refusedWith(/^--timeout must be a whole number from 1 to 60; 61 is out of range\./),
    );
    assert.throws(
      () => probeFrom({ count: '0' }, 'db01'),
      refusedWith(/^--count must be a whole number from 1 to 1000000/),
    );
    assert.throws(
      () => probeFrom({ interval: '1.5' }, 'db01'),
      refusedWith(/^--interval must be a whole number from 1 to 3600/),
    );
  });

  it('refuses a source address that is not an IP address, before any connection', () => {
    assert.throws(
      () => probeFrom({ 'source-address': 'eth0' }, 'db01'),
      refusedWith(/--source-address must be an IP address of this machine, not "eth0"\./),
    );
  });

  it('refuses an empty user name rather than falling back to the made-up login', () => {
    assert.throws(() => probeFrom({ user: '' }, 'db01'), refusedWith(/user name is empty/));
  });
});

describe('targetFrom', () => {
  it('says which command needs a server when none is named', () => {
    assert.throws(
      () => targetFrom(undefined, 'watch --probe'),
      refusedWith(/^watch --probe needs HOST\[:PORT\], the MySQL server to test\./),
    );
  });

  it('refuses a target that is not a host', () => {
    assert.throws(() => targetFrom('db 01', 'probe'), refusedWith(/"db 01" is not a host name or an IP address/));
  });
});
