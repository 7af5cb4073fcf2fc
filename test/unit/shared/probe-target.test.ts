import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkUser, parseTarget } from '../../../shared/probe-target';

test('HOST[:PORT] in each form a DBA types, the port 3306 when left out', () => {
  const ok = (text: string) => {
    const found = parseTarget(text);
    assert.ok(found.ok, `${text}: ${found.ok ? '' : found.message}`);
    return found.value;
  };
  assert.deepEqual(ok('db01'), { host: 'db01', port: 3306 });
  assert.deepEqual(ok('db01.corp.example:3307'), { host: 'db01.corp.example', port: 3307 });
  assert.deepEqual(ok('10.0.0.5:33060'), { host: '10.0.0.5', port: 33060 });
  assert.deepEqual(ok('[fe80::1]:3306'), { host: 'fe80::1', port: 3306 });
  assert.deepEqual(ok('::1'), { host: '::1', port: 3306 }, "a bare IPv6 address's colons are not a port");
  assert.deepEqual(ok('SQL_SERVER_01'), { host: 'SQL_SERVER_01', port: 3306 }, 'NetBIOS names have underscores');
});

test('what is not a target is refused in words', () => {
  const refused = (text: string, said: RegExp) => {
    const found = parseTarget(text);
    assert.equal(found.ok, false, text);
    assert.match(found.ok ? '' : found.message, said);
  };
  refused('', /host is missing/);
  refused('db01:', /nothing was entered/);
  refused('db01:0', /out of range/);
  refused('db01:3306x', /not a number/);
  refused('db 01', /not a host name or an IP address/);
  refused('999.1.1.1', /not a host name/);
  refused('http://db01', /"\/\/db01" is not a number/);
  refused('-db01', /not a host name/);
  refused(`${'a'.repeat(64)}.example`, /not a host name/);
});

test('a user name: 1 to 80 printable characters', () => {
  assert.equal(checkUser('app').ok, true);
  assert.equal(checkUser('').ok, false);
  assert.equal(checkUser('a'.repeat(81)).ok, false);
  assert.equal(checkUser('app\n').ok, false);
});
