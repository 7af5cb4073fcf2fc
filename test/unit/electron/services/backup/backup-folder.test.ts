import assert from 'node:assert/strict';
import { mkdir, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { prepareBackupFolder } from '../../../../../electron/services/backup/backup-folder';
import { TunerError } from '../../../../../electron/services/errors';
import { tempFolder } from '../../../../helpers/temp-folder';

describe('the backup folder', () => {
  const temp = tempFolder('backup-folder');

  async function refused(folder: string, dataDir: string, said: RegExp): Promise<void> {
    await assert.rejects(prepareBackupFolder(folder, dataDir), (error: TunerError) => {
      assert.equal(
        error.kind,
        'write-failed',
        'a file-system failure, not a registry one or a backup that is not a true copy',
      );
      assert.match(error.message, said);
      assert.match(error.message, /Nothing was changed\.$/);
      return true;
    });
  }

  it('is created when missing, inside the data folder or anywhere the user picked', async () => {
    const dataDir = temp.fresh('data');
    await prepareBackupFolder(path.join(dataDir, 'backups'), dataDir);
    assert.ok((await stat(path.join(dataDir, 'backups'))).isDirectory());
    const picked = path.join(temp.fresh('picked'), 'nested');
    await prepareBackupFolder(picked, dataDir);
    assert.ok((await stat(picked)).isDirectory());
  });

  it('inside the data folder, refuses a backups folder that is a link to somewhere else', async () => {
    const dataDir = temp.fresh('data');
    const elsewhere = temp.fresh('elsewhere');
    await mkdir(elsewhere, { recursive: true });
    await mkdir(dataDir, { recursive: true });
    await symlink(elsewhere, path.join(dataDir, 'backups'));
    await refused(
      path.join(dataDir, 'backups'),
      dataDir,
      /backups is a link or junction, and backups in the data folder go only to a real folder/,
    );
  });

  it('refuses a data folder that is itself a link', async () => {
    const real = temp.fresh('real');
    await mkdir(real, { recursive: true });
    const dataDir = temp.fresh('linked-data');
    await symlink(real, dataDir);
    await refused(path.join(dataDir, 'backups'), dataDir, /linked-data-\d+ is a link or junction/);
  });

  it('says plainly that a picked folder is a link to nothing, or a file', async () => {
    const dataDir = temp.fresh('data');
    const dangling = temp.fresh('dangling');
    await symlink(temp.fresh('gone'), dangling);
    await refused(dangling, dataDir, /: it is a link to a folder that does not exist\./);
    const file = temp.fresh('file');
    await writeFile(file, 'x');
    await refused(file, dataDir, /: a file of that name is in the way\./);
    await refused(path.join(file, 'below'), dataDir, /: part of the path is a file, not a folder\./);
  });
});
