/** The data folder check: an unwritable folder said in words with the fix. */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkDataFolder } from '../../electron/services/diagnosis/data-folder-check';

describe('the data folder check', () => {
  let dir: string;
  before(async () => (dir = await mkdtemp(path.join(tmpdir(), 'tuner-folder-'))));
  after(() => rm(dir, { recursive: true, force: true }));

  it('writes and removes one empty file where it can', async () => {
    const folder = path.join(dir, 'data');
    assert.deepEqual(await checkDataFolder(folder), { folder, problem: null, fix: null });
    assert.deepEqual(await readdir(folder), []);
  });

  it('says a file stands in the way, and what to do', async () => {
    const file = path.join(dir, 'not-a-folder');
    await writeFile(file, '');
    const found = await checkDataFolder(path.join(file, 'TCP Port Tuner'));
    assert.equal(
      found.problem,
      `a file stands where ${path.join(file, 'TCP Port Tuner')} or a folder above it should be`,
    );
    assert.equal(
      found.fix,
      'Move that file away (or rename it), or name a folder you can write in TCP_PORT_TUNER_DATA_DIR.',
    );
  });
});
