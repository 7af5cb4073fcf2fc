/**
 * What `reg import` is given cannot be changed between the write and the import: the file is
 * made in a folder of its own under a real scratch/ folder, checked right before the import and
 * right after. The backend here records what it was handed, as reg.exe would read it.
 */
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rename, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { RegistryBackend } from '../../../../../electron/services/registry/backend';
import { importVerified, importWritten } from '../../../../../electron/services/registry/verified-import';
import { tempFolder } from '../../../../helpers/temp-folder';

const RESTORE = Buffer.from('the two values to put back');

/** A backend whose import reads the file it is given, after `during` had its turn. */
function importer(during: (file: string) => Promise<void> = async () => undefined) {
  const imported: { file: string; content: string; mode: number }[] = [];
  const backend = {
    async importFile(file: string) {
      await during(file);
      imported.push({
        file,
        content: await readFile(file, 'utf8'),
        mode: (await stat(path.dirname(file))).mode & 0o777,
      });
    },
  } as RegistryBackend;
  return { backend, imported };
}

describe('verified-import: reg import of exactly what was written', () => {
  const temp = tempFolder('verified-import');

  it('imports the bytes written, from a folder only this process may enter, and leaves nothing behind', async () => {
    const dataDir = temp.fresh('data');
    const { backend, imported } = importer();
    await importWritten(backend, path.join(dataDir, 'scratch', 'restore-1.reg'), RESTORE);
    assert.equal(imported.length, 1);
    assert.equal(imported[0].content, RESTORE.toString());
    assert.equal(imported[0].mode, 0o700);
    assert.equal(path.dirname(path.dirname(imported[0].file)), path.join(dataDir, 'scratch'));
    assert.deepEqual(await readdir(path.join(dataDir, 'scratch')), []);
  });

  it('refuses a scratch/ that is a link to a folder another user controls: nothing is written there or imported', async () => {
    const dataDir = temp.fresh('data');
    const elsewhere = temp.fresh('elsewhere');
    await mkdir(dataDir);
    await mkdir(elsewhere);
    await symlink(elsewhere, path.join(dataDir, 'scratch'));
    const { backend, imported } = importer();
    await assert.rejects(
      importWritten(backend, path.join(dataDir, 'scratch', 'restore-2.reg'), RESTORE),
      /scratch is a link or junction, not a plain folder/,
    );
    assert.deepEqual(imported, []);
    assert.deepEqual(await readdir(elsewhere), []);
  });

  it('a file that no longer holds the values is not imported', async () => {
    const file = temp.fresh('restore.reg');
    await writeFile(file, 'HKLM\\SOFTWARE\\AbuseProbe');
    const { backend, imported } = importer();
    await assert.rejects(importVerified(backend, file, RESTORE), /does not hold the values to put back/);
    assert.deepEqual(imported, []);
  });

  it('a file swapped while reg import ran is said, on one line', async () => {
    const dataDir = temp.fresh('data');
    const { backend } = importer(async (file) => {
      const swapped = `${file}.swap`;
      await writeFile(swapped, 'HKLM\\SOFTWARE\\AbuseProbe');
      await rename(swapped, file);
    });
    await assert.rejects(
      importWritten(backend, path.join(dataDir, 'scratch', 'restore-3.reg'), RESTORE),
      /changed while reg import read it: check the registry for keys this tool did not write\.$/,
    );
  });
});
