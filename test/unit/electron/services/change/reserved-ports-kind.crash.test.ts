/**
 * The engine over the range and the reservations, cut off: a crash and a hand change do not
 * make it forget its own change, and one empty netsh answer is never taken as the truth.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TunerError } from '../../../../../electron/services/errors';
import { adminWorld, ALL, DEFAULT } from '../../../../helpers/admin-world';
import { tempFolder } from '../../../../helpers/temp-folder';

describe('the engine over the range and the reservations, after a crash or an empty answer', () => {
  const temp = tempFolder('engine-netsh');
  const setUp = () => adminWorld(temp.path);

  it('a crash right after the first reservation, then a hand change: settling keeps the baseline, leaves the exclusion no step recorded, and undo --force restores the rest', async () => {
    const { registry, netsh, tuner, atBaseline, killAt } = setUp();
    await killAt('reserve ipv4', ALL);
    registry.set('TcpTimedWaitDelay', 'dword:0000003c');

    const settled = await tuner.settleInterrupted();
    assert.match(
      settled?.note ?? '',
      /^Rolled back the apply interrupted at .*, except TcpTimedWaitDelay \(now 60; this tool was setting 30\), changed since by hand/,
    );
    assert.match(
      settled?.note ?? '',
      /Left alone as maybe an administrator's: port 3306 \(IPv4\) is reserved, but no step of this tool's made it so\./,
    );
    assert.ok(
      netsh.pools.ipv4.exclusions.some((range) => range.start === 3306 && range.end === 3306),
      "killed before it recorded the step, the tool cannot tell its 3306 from an admin's: it stays",
    );
    assert.deepEqual(netsh.pools.ipv4.range, DEFAULT, 'the range the tool wrote is put back at once');
    const status = await tuner.status();
    assert.notEqual(status.undo, null, 'undo still knows what this tool changed');
    assert.deepEqual(status.outsideChanges, [{ kind: 'registry', name: 'TcpTimedWaitDelay', was: '30', now: '60' }]);

    await assert.rejects(
      tuner.undo({ force: false }),
      (error: TunerError) =>
        error.kind === 'undo-refused' &&
        /TcpTimedWaitDelay: 30 after this tool's last change, 60 now\./.test(error.message),
    );
    assert.equal((await tuner.undo({ force: true })).status, 'undone');
    netsh.pools.ipv4.exclusions = netsh.pools.ipv4.exclusions.filter((range) => range.start !== 3306);
    atBaseline();
    assert.equal((await tuner.status()).undo, null);
  });

  it("killed before its reservations, then an admin reserves 3306 (IPv6) by hand: undo's settle leaves the admin's exclusion", async () => {
    const { netsh, tuner, killAt } = setUp();
    await killAt('setRange ipv6', ALL);
    netsh.exclude('ipv6', 3306);
    const status = await tuner.status();
    assert.equal(status.unfinished?.operation, 'apply', 'status reports the unfinished apply and settles nothing');
    assert.deepEqual(
      status.unfinished?.parts.map((part) => `${part.name}: ${part.prior} -> ${part.now}`),
      [
        'MaxUserPort: not set -> 65534',
        'TcpTimedWaitDelay: not set -> 30',
        'the IPv4 dynamic port range: 49152 to 65535 (16,384 ports) -> 33061 to 65535 (32,475 ports)',
        'the IPv6 dynamic port range: 49152 to 65535 (16,384 ports) -> 33061 to 65535 (32,475 ports)',
        'port 3306 (IPv6): not reserved -> reserved',
      ],
    );
    assert.ok((await tuner.status()).unfinished, 'a second status still finds it unfinished: status wrote nothing');
    await tuner.undo({ force: true });
    assert.ok(
      netsh.pools.ipv6.exclusions.some((range) => range.start === 3306 && range.end === 3306),
      "the admin's 3306 (IPv6) stays",
    );
    assert.deepEqual([netsh.pools.ipv4.range, netsh.pools.ipv6.range], [DEFAULT, DEFAULT]);
  });

  it('a crash after the range, then the IPv6 range set by hand: undo --force puts the IPv6 range back too', async () => {
    const { netsh, tuner, atBaseline, killAt } = setUp();
    await killAt('setRange ipv6', ALL);
    netsh.pools.ipv6.range = { start: 20000, count: 45536 };
    const settled = await tuner.settleInterrupted();
    assert.match(settled?.note ?? '', /except the IPv6 dynamic port range \(now 20000 to 65535/);
    assert.equal((await tuner.undo({ force: true })).status, 'undone');
    atBaseline();
  });

  it("a second change's crash and hand change keep the part it added vouched for by its own backup: undo --force still works", async () => {
    const { netsh, tuner, atBaseline, killAt } = setUp();
    await tuner.apply({ TcpTimedWaitDelay: 30 });
    await killAt('setRange ipv4', { dynamicRange: { start: 33061, count: 32475 } });
    netsh.pools.ipv4.range = { start: 40000, count: 25536 };
    assert.match((await tuner.settleInterrupted())?.note ?? '', /the IPv4 dynamic port range \(now 40000 to 65535/);
    assert.equal((await tuner.undo({ force: true })).status, 'undone');
    atBaseline();
  });

  it('undo: an IPv6 exclusion read that answers nothing fails the undo, which stays possible, instead of leaving the ports excluded', async () => {
    const { netsh, tuner, atBaseline } = setUp();
    await tuner.apply({ reservePorts: [3306, 33060] });
    netsh.empty.add('readExclusions ipv6');
    await assert.rejects(tuner.undo({ force: false }), (error: TunerError) => {
      assert.equal(error.kind, 'netsh-failed');
      assert.match(
        error.message,
        /netsh answered differently twice \(port 3306 \(IPv6\) read as not reserved, then as reserved/,
      );
      return true;
    });
    assert.notEqual((await tuner.status()).undo, null, 'the undo can be tried again');
    assert.equal((await tuner.undo({ force: false })).status, 'undone');
    atBaseline();
  });

  it("apply: a first exclusion read that answers nothing stops the change, and the admin's 8080 is never recorded as open", async () => {
    const { netsh, tuner, atBaseline } = setUp();
    netsh.empty.add('readExclusions ipv4');
    await assert.rejects(
      tuner.apply({ reservePorts: [8080, 3306] }),
      /netsh answered differently twice \(port 8080 \(IPv4\) read as not reserved, then as reserved/,
    );
    atBaseline();
    assert.deepEqual(
      netsh.calls.filter((call) => call.startsWith('reserve') || call.startsWith('release')),
      [],
      'nothing was reserved or released',
    );
    assert.equal((await tuner.undo({ force: true })).status, 'nothing-to-undo');
    atBaseline();
  });
});
