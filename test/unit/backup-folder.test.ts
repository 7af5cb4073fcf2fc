import assert from 'node:assert/strict';
import { mkdir, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { prepareBackupFolder } from '../../electron/services/backup/backup-folder';
import { TunerError } from '../../electron/services/errors';
import { freshPath, makeTempRoot, removeTempRoot } from '../helpers/wine';

describe('the backup folder', () => {
  let root: string;
  before(async () => {
    root = await makeTempRoot('backup-folder');
  });
  after(() => removeTempRoot(root));

  async function refused(folder: string, dataDir: string, said: RegExp): Promise<void> {
    await assert.rejects(prepareBackupFolder(folder, dataDir), (error: TunerError) => {
      assert.equal(error.kind, 'write-failed', 'a file-system failure, not a registry one or a backup that is not a true copy');
      assert.match(error.message, said);
      assert.match(error.message, /Nothing was changed\.$/);
      return true;
    });
  }

  it('is created when missing, inside the data folder or anywhere the user picked', async () => {
    const dataDir = freshPath(root, 'data');
    await prepareBackupFolder(path.join(dataDir, 'backups'), dataDir);
    assert.ok((await stat(path.join(dataDir, 'backups'))).isDirectory());
    const picked = path.join(freshPath(root, 'picked'), 'nested');
    await prepareBackupFolder(picked, dataDir);
    assert.ok((await stat(picked)).isDirectory());
  });

  it('inside the data folder, refuses a backups folder that is a link to somewhere else', async () => {
    const dataDir = freshPath(root, 'data');
    const elsewhere = freshPath(root, 'elsewhere');
    await mkdir(elsewhere, { recursive: true });
    await mkdir(dataDir, { recursive: true });
    await symlink(elsewhere, path.join(dataDir, 'backups'));
    await refused(path.join(dataDir, 'backups'), dataDir, /backups is a link or junction, and backups in the data folder go only to a real folder/);
  });

  it('refuses a data folder that is itself a link', async () => {
    const real = freshPath(root, 'real');
    await mkdir(real, { recursive: true });
    const dataDir = freshPath(root, 'linked-data');
    await symlink(real, dataDir);
    await refused(path.join(dataDir, 'backups'), dataDir, /linked-data-\d+ is a link or junction/);
  });

  it('says plainly that a picked folder is a link to nothing, or a file', async () => {
    const dataDir = freshPath(root, 'data');
    const dangling = freshPath(root, 'dangling');
    await symlink(freshPath(root, 'gone'), dangling);
    await refused(dangling, dataDir, /: it is a link to a folder that does not exist\./);
    const file = freshPath(root, 'file');
    await writeFile(file, 'x');
    await refused(file, dataDir, /: a file of that name is in the way\./);
    await refused(path.join(file, 'below'), dataDir, /: part of the path is a file, not a folder\./);
  });
});
