import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { TunerError } from '../../../../../electron/services/errors';
import { inScratchFolder } from '../../../../../electron/services/host/scratch';
import { tempFolder } from '../../../../helpers/temp-folder';

describe('inScratchFolder', () => {
  const temp = tempFolder('scratch');

  it("gives each use a folder of its own, no one else's to read, and removes it with all in it afterwards", async () => {
    const dataDir = temp.fresh('data');
    await mkdir(dataDir);
    const scratchFile = path.join(dataDir, 'scratch', 'export.reg');
    const used: string[] = [];
    const answer = await inScratchFolder(scratchFile, async (file) => {
      used.push(file);
      await writeFile(file, 'exported');
      assert.equal((await stat(path.dirname(file))).mode & 0o777, 0o700);
      return 'done';
    });
    assert.equal(answer, 'done');
    await inScratchFolder(scratchFile, async (file) => void used.push(file));
    assert.equal(path.basename(used[0]), 'export.reg');
    assert.notEqual(path.dirname(used[0]), path.dirname(used[1]), 'a folder of its own each time');
    assert.equal(path.dirname(path.dirname(used[0])), path.join(dataDir, 'scratch'));
    assert.deepEqual(await readdir(path.join(dataDir, 'scratch')), [], 'nothing left behind');
  });

  it('removes its folder when the work fails too', async () => {
    const dataDir = temp.fresh('data');
    await mkdir(dataDir);
    const scratchFile = path.join(dataDir, 'scratch', 'import.reg');
    await assert.rejects(
      inScratchFolder(scratchFile, async () => Promise.reject(new Error('reg.exe failed'))),
      /reg\.exe failed/,
    );
    assert.deepEqual(await readdir(path.join(dataDir, 'scratch')), []);
  });

  it('refuses a scratch folder that is a link to somewhere else, and writes nothing there', async () => {
    const dataDir = temp.fresh('data');
    const elsewhere = temp.fresh('elsewhere');
    await mkdir(dataDir);
    await mkdir(elsewhere);
    await symlink(elsewhere, path.join(dataDir, 'scratch'));
    let ran = false;
    await assert.rejects(
      inScratchFolder(path.join(dataDir, 'scratch', 'export.reg'), async () => {
        ran = true;
      }),
      (error: TunerError) =>
        error instanceof TunerError &&
        /scratch is .+, not a plain folder; this tool never reads or writes through one\./.test(error.message),
    );
    assert.equal(ran, false);
    assert.deepEqual(await readdir(elsewhere), []);
    assert.ok(existsSync(path.join(dataDir, 'scratch')), 'the link itself is left for the user to look at');
  });
});
