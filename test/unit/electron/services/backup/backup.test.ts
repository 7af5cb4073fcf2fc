/**
 * A backup that fails says which way it failed: a file it could not write is `write-failed`
 * (the disk, a name in the way), an export that is not a true copy of the key is
 * `backup-failed`. Both exit 7; the wizard titles them differently. Each case reads the backup
 * folder afterwards: nothing is left under the backup's name.
 */
import assert from 'node:assert/strict';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createBackup, restoreFileOf } from '../../../../../electron/services/backup/backup';
import { TunerError } from '../../../../../electron/services/errors';
import { dwordPayload } from '../../../../../electron/services/registry/reg-file';
import { MemoryRegistry } from '../../../../helpers/memory-registry';
import { tempFolder } from '../../../../helpers/temp-folder';

const NOW = new Date('2026-01-01T00:00:00Z');
const FILE_NAME = 'Tcpip-Parameters-2026-01-01_00-00-00-000.reg';

describe('a backup that fails says what failed', () => {
  const temp = tempFolder('backup');

  function place() {
    const dataDir = temp.fresh('data');
    return { dataDir, folder: path.join(dataDir, 'backups') };
  }

  it('a backup file that cannot be written is a write failure naming that backup, and nothing is left of it', async () => {
    const { dataDir, folder } = place();
    const file = path.join(folder, FILE_NAME);
    // A folder at the restore file's name: the export is proven and written, then the next file cannot be.
    await mkdir(restoreFileOf(file), { recursive: true });
    await assert.rejects(createBackup(new MemoryRegistry(), folder, NOW, dataDir), (error: TunerError) => {
      assert.equal(error.kind, 'write-failed', 'the file system, not the backup itself');
      assert.equal(
        error.message,
        `Could not finish the backup ${file}: a file of that name is in the way; it was removed. Nothing was changed.`,
      );
      return true;
    });
    assert.deepEqual(
      await readdir(folder),
      [path.basename(restoreFileOf(file))],
      'the export written first was removed; what stood in the way is left',
    );
  });

  it('an export that does not match the key is a failed backup, and is not kept', async () => {
    const { dataDir, folder } = place();
    const registry = new MemoryRegistry();
    // Another program sets the value between the live read of the key and the export beside it.
    registry.afterCall = (call) => {
      if (call === 'readTree') registry.set('MaxUserPort', dwordPayload(60000));
    };
    await assert.rejects(createBackup(registry, folder, NOW, dataDir), (error: TunerError) => {
      assert.equal(error.kind, 'backup-failed');
      assert.match(
        error.message,
        new RegExp(
          `^The backup ${path.join(folder, FILE_NAME).replace(/[/.-]/g, '\\$&')} does not match the key as it is now \\(MaxUserPort`,
        ),
      );
      assert.doesNotMatch(
        error.message,
        /maxuserport under/,
        'said once, by its name, though the whole-key read lists it too',
      );
      return true;
    });
    assert.deepEqual(await readdir(folder), [], 'no file a user would take for a backup');
  });
});
