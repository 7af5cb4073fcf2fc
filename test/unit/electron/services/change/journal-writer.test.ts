/**
 * A journal that cannot be written (a full disk) is exit 7 whether it fails before the change or
 * after it: before, nothing is written; after, the change is rolled back, since a change the
 * journal does not know is one undo could never find.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TunerError } from '../../../../../electron/services/errors';
import type { JournalData } from '../../../../../electron/services/change/journal';
import { memoryEngine } from '../../../../helpers/memory-engine';
import { tempFolder } from '../../../../helpers/temp-folder';

const FULL = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
const DEFAULT_RANGE = { start: 49152, count: 16384 };

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

// The apply writes the journal: the intent, then one step per family of the range, then the finish.
// changedFirst: the apply had written a setting before the journal failed, so the row proves a rollback.
const CASES = [
  {
    proves: 'the intent cannot be recorded: exit 7, and nothing is ever written',
    failingWrite: 1,
    message:
      /^Could not record the change in the change journal .*journal\.json \(ENOSPC: no space left on device, write\)\. Nothing was changed\.$/,
    changedFirst: false,
  },
  {
    proves: 'a step cannot be recorded: the change is rolled back, exit 7',
    failingWrite: 2,
    message:
      /^Could not record a step of the apply \(the IPv4 dynamic port range\) in the change journal .*journal\.json \(ENOSPC.*\)\. Every setting was put back as it was\.$/,
    changedFirst: true,
  },
  {
    proves: 'the finish cannot be recorded: the change is rolled back, exit 7',
    failingWrite: 4,
    message:
      /^The apply was written and read back, but the change journal .*journal\.json could not be updated \(ENOSPC.*\)\. Every setting was put back as it was\.$/,
    changedFirst: true,
  },
];

describe('the journal on a full disk', () => {
  const temp = tempFolder('engine-disk');

  for (const row of CASES) {
    it(`${row.proves}; the next start finds nothing to undo`, async () => {
      const world = memoryEngine(temp.path);
      failingWrite(world, row.failingWrite);
      await assert.rejects(
        world.tuner.apply({
          MaxUserPort: 65534,
          dynamicRange: { start: 33061, count: 32475 },
          acceptUnprotected: true,
        }),
        (error: TunerError) => {
          assert.equal(error.kind, 'journal-failed', 'told as the journal, not as the backup');
          assert.match(error.message, row.message);
          return true;
        },
      );
      assert.deepEqual(world.registry.values.MaxUserPort, { present: false });
      assert.deepEqual([world.netsh.pools.ipv4.range, world.netsh.pools.ipv6.range], [DEFAULT_RANGE, DEFAULT_RANGE]);
      const writes = [
        ...world.registry.calls.filter((call) => call.startsWith('setDword')),
        ...world.netsh.calls.filter((call) => call.startsWith('set')),
      ];
      assert.equal(writes.length > 0, row.changedFirst, `writes before the end: ${writes.join(', ')}`);
      await world.tuner.settleInterrupted();
      assert.equal((await world.tuner.status()).undo, null);
    });
  }
});
