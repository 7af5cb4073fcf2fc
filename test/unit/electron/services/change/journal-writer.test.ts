/**
 * A journal that cannot be written (a full disk) is exit 7 whether it fails before the change or
 * after it: before, nothing is written; after, the change is rolled back, since a change the
 * journal does not know is one undo could never find.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TunerError } from '../../../../../electron/services/errors';
import type { JournalData } from '../../../../../electron/services/change/journal';
import { memoryEngine } from '../../../../helpers/memory-engine';
import { makeTempRoot, removeTempRoot } from '../../../../helpers/temp-folder';

const FULL = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describe('the journal on a full disk', () => {
  let root: string;
  before(async () => {
    root = await makeTempRoot('engine-disk');
  });
  after(() => removeTempRoot(root));

  /** The journal's nth write from now fails as a full disk fails it. */
  function failingWrite(world: ReturnType<typeof memoryEngine>, nth: number): void {
    const write = world.journal.write.bind(world.journal);
    let count = 0;
    world.journal.write = async (data: JournalData) => {
      count += 1;
      if (count === nth) throw FULL;
      return write(data);
    };
  }

  it('the intent cannot be recorded: exit 7, nothing changed', async () => {
    const world = memoryEngine(root);
    failingWrite(world, 1);
    await assert.rejects(
      world.tuner.apply({ MaxUserPort: 65534, dynamicRange: { start: 33061, count: 32475 }, acceptUnprotected: true }),
      (error: TunerError) => {
        assert.equal(error.kind, 'journal-failed', 'told as the journal, not as the backup');
        assert.match(
          error.message,
          /^Could not record the change in the change journal .*journal\.json \(ENOSPC: no space left on device, write\)\. Nothing was changed\.$/,
        );
        return true;
      },
    );
    assert.deepEqual(world.registry.values.MaxUserPort, { present: false });
    assert.deepEqual(
      world.netsh.calls.filter((call) => call.startsWith('set')),
      [],
    );
  });

  it('the finish cannot be recorded: the change is rolled back, exit 7, and the next start finds nothing to undo', async () => {
    const world = memoryEngine(root);
    // The intent, then one step per family of the range, then the finish.
    failingWrite(world, 4);
    await assert.rejects(
      world.tuner.apply({ MaxUserPort: 65534, dynamicRange: { start: 33061, count: 32475 }, acceptUnprotected: true }),
      (error: TunerError) => {
        assert.equal(error.kind, 'journal-failed', 'told as the journal, not as the backup');
        assert.match(
          error.message,
          /^The apply was written and read back, but the change journal .*journal\.json could not be updated \(ENOSPC.*\)\. Every setting was put back as it was\.$/,
        );
        return true;
      },
    );
    assert.deepEqual(world.registry.values.MaxUserPort, { present: false });
    assert.deepEqual(world.netsh.pools.ipv4.range, { start: 49152, count: 16384 });
    await world.tuner.settleInterrupted();
    assert.equal((await world.tuner.status()).undo, null);
  });

  it('a step cannot be recorded: the change is rolled back, exit 7', async () => {
    const world = memoryEngine(root);
    failingWrite(world, 2);
    await assert.rejects(
      world.tuner.apply({ MaxUserPort: 65534, dynamicRange: { start: 33061, count: 32475 }, acceptUnprotected: true }),
      (error: TunerError) => {
        assert.equal(error.kind, 'journal-failed', 'told as the journal, not as the backup');
        assert.match(
          error.message,
          /^Could not record a step of the apply \(the IPv4 dynamic port range\) in the change journal .*journal\.json \(ENOSPC.*\)\. Every setting was put back as it was\.$/,
        );
        return true;
      },
    );
    assert.deepEqual(world.registry.values.MaxUserPort, { present: false });
    assert.deepEqual(
      [world.netsh.pools.ipv4.range, world.netsh.pools.ipv6.range],
      [
        { start: 49152, count: 16384 },
        { start: 49152, count: 16384 },
      ],
    );
  });
});
