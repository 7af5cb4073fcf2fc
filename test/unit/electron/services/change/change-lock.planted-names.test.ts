import assert from 'node:assert/strict';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { strayLockWarnings, withChangeLock } from '../../../../../electron/services/change/change-lock';
import { tempFolder } from '../../../../helpers/temp-folder';

/**
 * Planted names cannot break the change lock: a folder called change.lock.5, a number of 2^53
 * (where N + 1 is N again) or 10^21 (which prints as "1e+21") are reported with the file to
 * delete and never taken as the live lock, and changes and undo go on.
 */
describe('the change lock against planted names', () => {
  const temp = tempFolder('lock-names');

  // Each with the lock that is left after three more changes: numbers go past a planted one.
  const plants: [string, (dir: string) => Promise<void>, string][] = [
    ['a folder named change.lock.5', (dir) => mkdir(path.join(dir, 'change.lock.5')), 'change.lock.8'],
    [
      'a folder at the very next number, change.lock.2',
      (dir) => mkdir(path.join(dir, 'change.lock.2')),
      'change.lock.5',
    ],
    [
      'a link at the next number, change.lock.2',
      (dir) => symlink(path.join(temp.path, 'elsewhere'), path.join(dir, 'change.lock.2')),
      'change.lock.5',
    ],
    [
      'change.lock.9007199254740992 (2^53)',
      (dir) => writeFile(path.join(dir, 'change.lock.9007199254740992'), ''),
      'change.lock.4',
    ],
    [
      'change.lock.1000000000000000000000',
      (dir) => writeFile(path.join(dir, 'change.lock.1000000000000000000000'), ''),
      'change.lock.4',
    ],
    [
      'change.lock.007 and change.lock.+8',
      async (dir) => {
        await writeFile(path.join(dir, 'change.lock.007'), '');
        await writeFile(path.join(dir, 'change.lock.+8'), '');
      },
      'change.lock.4',
    ],
  ];
  for (const [what, plant, live] of plants) {
    it(`${what}: reported with the file to delete, and one change after another still goes through`, async () => {
      const dir = temp.fresh('data');
      await withChangeLock(dir, async () => undefined);
      await plant(dir);
      const strays = (await readdir(dir))
        .filter((name) => name.startsWith('change.lock.') && name !== 'change.lock.1')
        .map((name) => path.join(dir, name));
      const warnings = await strayLockWarnings(dir);
      assert.deepEqual(
        [...warnings].sort(),
        strays.sort().map((file) => `${file} is not a change lock this tool made and is ignored; delete it.`),
      );
      // A change, then an undo, then another: each takes the lock in turn.
      for (const step of ['apply', 'undo', 'apply again'])
        assert.equal(await withChangeLock(dir, async () => step), step);
      const left = (await readdir(dir)).filter((name) => name.startsWith('change.lock.'));
      assert.deepEqual(
        left.sort(),
        [...strays.map((file) => path.basename(file)), live].sort(),
        'the planted names are left for the user; one live lock remains',
      );
    });
  }

  it('says nothing where there is no data folder yet, or only its own lock', async () => {
    assert.deepEqual(await strayLockWarnings(temp.fresh('none')), []);
    const dir = temp.fresh('data');
    await withChangeLock(dir, async () => undefined);
    assert.deepEqual(await strayLockWarnings(dir), []);
  });
});
