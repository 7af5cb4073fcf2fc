/**
 * The alert's snapshots go only into a real snapshots/ folder: one that is a link to another
 * folder is neither listed, pruned nor written to, and the note says why.
 */
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SnapshotStore } from '../../../../../electron/services/diagnosis/snapshots';
import { tempFolder } from '../../../../helpers/temp-folder';

describe('snapshots: only in a real folder of the data folder', () => {
  const temp = tempFolder('snapshots');

  it('saves into snapshots/, leaving no temporary file', async () => {
    const dataDir = temp.fresh('data');
    const saved = await new SnapshotStore(dataDir).save(new Date('2026-01-01T00:00:00Z'), () => ({ figure: 1 }));
    assert.equal(saved.note, 'saved');
    assert.deepEqual(await readdir(path.join(dataDir, 'snapshots')), ['snapshot-2026-01-01T00-00-00-000Z.json']);
    assert.equal(JSON.parse(await readFile(saved.snapshot ?? '', 'utf8')).figure, 1);
  });

  it('within the minute after one, says which and builds no content: an incident samples every few seconds', async () => {
    const store = new SnapshotStore(temp.fresh('data'));
    const first = await store.save(new Date('2026-01-01T00:00:00Z'), () => ({ figure: 1 }));
    let built = 0;
    const second = await store.save(new Date('2026-01-01T00:00:59Z'), () => ({ figure: ++built }));
    assert.equal(second.snapshot, null);
    assert.equal(second.note, `one was saved less than a minute ago: ${first.snapshot}`);
    assert.equal(built, 0, "netstat's rows are not joined for a snapshot that is not written");
    assert.equal((await store.save(new Date('2026-01-01T00:01:00Z'), () => ({ figure: ++built }))).note, 'saved');
    assert.equal(built, 1);
  });

  it('a snapshots/ linked to another folder is refused: that folder keeps its files as they were', async () => {
    const dataDir = temp.fresh('data');
    const elsewhere = temp.fresh('elsewhere');
    await mkdir(dataDir);
    await mkdir(elsewhere);
    // Named like a snapshot: it would count towards the minute's gap and the twenty kept, were the link followed.
    const old = path.join(elsewhere, 'snapshot-2020-01-01T00-00-00-000Z.json');
    await writeFile(old, "someone else's");
    await symlink(elsewhere, path.join(dataDir, 'snapshots'));
    const saved = await new SnapshotStore(dataDir).save(new Date('2026-01-01T00:00:00Z'), () => ({ figure: 1 }));
    assert.equal(saved.snapshot, null);
    assert.match(
      saved.note,
      /^could not be saved in .*snapshots: .*snapshots is a link or junction, not a plain folder/,
    );
    assert.deepEqual(await readdir(elsewhere), [path.basename(old)]);
    assert.equal(await readFile(old, 'utf8'), "someone else's");
  });
});
