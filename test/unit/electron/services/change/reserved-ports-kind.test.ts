/**
 * The engine across all kinds on an in-memory registry and netsh: when Windows goes by each
 * change, the admin's exclusions left alone, and a failed second apply that does not block undo.
 * The crash and empty-answer cases: reserved-ports-kind.crash.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TunerError } from '../../../../../electron/services/errors';
import { adminWorld } from '../../../../helpers/admin-world';
import type { NetshCall } from '../../../../helpers/memory-netsh';
import { tempFolder } from '../../../../helpers/temp-folder';

describe('the engine over the range and the reservations', () => {
  const temp = tempFolder('engine-netsh');
  const setUp = () => adminWorld(temp.path);

  it('says when Windows goes by each change: reservations at once, a registry value after a restart', async () => {
    const { tuner } = setUp();
    assert.equal((await tuner.apply({ reservePorts: [3306] })).takesEffect, 'at once');
    assert.equal((await tuner.apply({ MaxUserPort: 65534, acceptUnprotected: true })).takesEffect, 'after a restart');
    assert.equal(
      (await tuner.apply({ MaxUserPort: 65534, dynamicRange: { start: 33061, count: 32475 }, acceptUnprotected: true }))
        .takesEffect,
      'at once',
      'MaxUserPort is already 65534',
    );
    const undone = await tuner.undo({ force: false });
    assert.equal(undone.status === 'undone' && undone.takesEffect, 'after a restart');
  });

  it("undo never deletes the admin's exclusion the change found in place", async () => {
    const { tuner, atBaseline } = setUp();
    await tuner.apply({ reservePorts: [8080, 3306] });
    assert.equal((await tuner.undo({ force: true })).status, 'undone');
    atBaseline();
  });

  it('a failed second apply naming a new port is rolled back and leaves undo as it was', async () => {
    const { netsh, tuner, atBaseline } = setUp();
    await tuner.apply({ reservePorts: [3306] });
    netsh.failing.add('reserve ipv6');
    await assert.rejects(
      tuner.apply({ reservePorts: [5000] }),
      (error: TunerError) => error.kind === 'netsh-failed' && /Injected failure of reserve ipv6\./.test(error.message),
    );
    assert.deepEqual(
      Object.keys((await tuner.status()).undo?.values.reservedPorts ?? {}),
      ['3306'],
      'the baseline holds only what this tool set',
    );
    assert.equal((await tuner.undo({ force: false })).status, 'undone');
    atBaseline();
  });

  it('a rollback that cannot read netsh still puts the registry back, and says what is left with the netsh lines to run', async () => {
    const { registry, netsh, tuner } = setUp();
    netsh.failing.add('setRange ipv6');
    // The rollback's first read of the range fails too.
    netsh.afterCall = (call) => {
      if (call === 'setRange ipv4')
        ['readRange ipv4', 'readRange ipv6'].forEach((read) => netsh.failing.add(read as NetshCall));
    };
    await assert.rejects(
      tuner.apply({ MaxUserPort: 65534, dynamicRange: { start: 33061, count: 32475 }, acceptUnprotected: true }),
      (error: TunerError) => {
        assert.equal(error.kind, 'restore-failed');
        assert.match(
          error.message,
          /^Injected failure of setRange ipv6\. Putting the values back failed too \(Injected failure of readRange ipv4\.\)\./,
        );
        assert.match(
          error.message,
          /Still changed or not known: the IPv4 dynamic port range \(to be 49152 to 65535 \(16,384 ports\)\), the IPv6 dynamic port range/,
        );
        assert.deepEqual(
          error.repairs,
          [
            'netsh int ipv4 set dynamicport tcp start=49152 num=16384',
            'netsh int ipv6 set dynamicport tcp start=49152 num=16384',
          ],
          'one command per line',
        );
        assert.doesNotMatch(
          `${error.message} ${error.repairs?.join(' ')}`,
          /reg import/,
          'the registry was put back, so no file needs importing',
        );
        return true;
      },
    );
    assert.deepEqual(registry.values.MaxUserPort, { present: false }, 'MaxUserPort is absent again');
  });
});
