/**
 * The main side's rule, driven through the service's apply as the CLI and the IPC handler call
 * it: a MaxUserPort change that would leave 3306/33060 open in the range it makes is refused
 * before anything is written, unless the request accepts it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TunerError } from '../../../../../electron/services/errors';
import { memoryEngine } from '../../../../helpers/memory-engine';
import { tempFolder } from '../../../../helpers/temp-folder';

describe('a MaxUserPort change that leaves MySQL unprotected', () => {
  const temp = tempFolder('unprotected');

  /** Applies `request` and expects the refusal, with nothing written to the registry or netsh. */
  async function assertRefused(
    world: ReturnType<typeof memoryEngine>,
    request: Parameters<typeof world.tuner.apply>[0],
    said: RegExp,
  ) {
    const before = structuredClone({ values: world.registry.values, pools: world.netsh.pools });
    await assert.rejects(world.tuner.apply(request), (error: TunerError) => {
      assert.equal(error.kind, 'invalid-input', 'exit 2');
      assert.match(error.message, said);
      return true;
    });
    assert.deepEqual({ values: world.registry.values, pools: world.netsh.pools }, before, 'nothing written');
    assert.deepEqual(
      world.netsh.calls.filter((call) => !call.startsWith('read')),
      [],
      'netsh was only read',
    );
    assert.equal((await world.tuner.history()).length, 0, 'no change in the history');
  }

  it('is refused when neither port is reserved, naming both and the two ways on', async () => {
    await assertRefused(
      memoryEngine(temp.path),
      { MaxUserPort: 65534 },
      /^MaxUserPort 65534 widens the dynamic port range to 1024 to 65534 \(64,511 ports\) at the next restart, over 3306 and 33060, which are not reserved\. Reserve them with --reserve-ports 3306,33060, or accept that they are unprotected with --accept-unprotected\. Nothing was changed\.$/,
    );
  });

  it('names only the port left open: 33060 reserved here already, 3306 not asked for', async () => {
    const world = memoryEngine(temp.path);
    for (const family of ['ipv4', 'ipv6'] as const) world.netsh.exclude(family, 33060);
    await assertRefused(
      world,
      { MaxUserPort: 65534, TcpTimedWaitDelay: 30 },
      /over 3306, which is not reserved\. Reserve it with --reserve-ports 3306,/,
    );
  });

  it('counts a port held in one family only as open', async () => {
    const world = memoryEngine(temp.path);
    world.netsh.exclude('ipv4', 3306);
    await assertRefused(world, { MaxUserPort: 65534, reservePorts: [33060] }, /over 3306, which is not reserved/);
  });

  it('is refused when netsh cannot be read, saying why', async () => {
    const world = memoryEngine(temp.path);
    world.netsh.failing.add('readExclusions ipv4');
    await assertRefused(
      world,
      { MaxUserPort: 5000 },
      /^MaxUserPort 5000 widens the dynamic port range to 1024 to 5000 \(3,977 ports\) at the next restart, over 3306, and netsh's exclusions could not be read .*Injected failure of readExclusions ipv4.* --accept-unprotected\./,
    );
  });

  it('goes ahead when the change reserves both, when both are held already, or when the request accepts it', async () => {
    const reserving = memoryEngine(temp.path);
    await reserving.tuner.apply({ MaxUserPort: 65534, reservePorts: [3306, 33060] });
    assert.deepEqual((await reserving.registry.readValues()).MaxUserPort, {
      present: true,
      type: 'REG_DWORD',
      data: 65534,
    });

    const held = memoryEngine(temp.path);
    // An admin's block covers both in both families: covered is protected too.
    for (const family of ['ipv4', 'ipv6'] as const) {
      held.netsh.exclude(family, 3306);
      held.netsh.exclude(family, 33000, 33100, false);
    }
    await held.tuner.apply({ MaxUserPort: 65534 });
    assert.deepEqual((await held.registry.readValues()).MaxUserPort, { present: true, type: 'REG_DWORD', data: 65534 });

    const accepted = memoryEngine(temp.path);
    accepted.netsh.failing.add('readExclusions ipv4');
    await accepted.tuner.apply({ MaxUserPort: 65534, acceptUnprotected: true });
    assert.deepEqual((await accepted.registry.readValues()).MaxUserPort, {
      present: true,
      type: 'REG_DWORD',
      data: 65534,
    });
    assert.deepEqual(accepted.netsh.pools.ipv4.exclusions, [], 'accepting reserves nothing');
  });

  it('leaves a change without MaxUserPort alone', async () => {
    const world = memoryEngine(temp.path);
    world.netsh.failing.add('readExclusions ipv4');
    await world.tuner.apply({ TcpTimedWaitDelay: 30 });
    assert.deepEqual((await world.registry.readValues()).TcpTimedWaitDelay, {
      present: true,
      type: 'REG_DWORD',
      data: 30,
    });
  });
});
