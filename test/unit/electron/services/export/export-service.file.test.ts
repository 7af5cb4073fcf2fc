/**
 * Export writes whole or not at all, wherever a name is legal, says the real error, and with
 * --force replaces only a file or a link: never a folder, a named pipe or a device.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { TunerError } from '../../../../../electron/services/errors';
import { writeExportFile } from '../../../../../electron/services/export/export-service';
import { tempFolder } from '../../../../helpers/temp-folder';
import { runCli } from '../../../../helpers/cli-run';

const CONTENT = Buffer.from('exported\r\n');

describe('writing an export file', () => {
  const temp = tempFolder('export-file');

  it('writes a name of 250 bytes (legal, and longer than a temporary name beside it could be), leaving nothing else', async () => {
    const dir = temp.fresh('long');
    await mkdir(dir);
    const file = path.join(dir, `${'x'.repeat(246)}.reg`);
    await writeExportFile(file, CONTENT, { force: false });
    assert.deepEqual(await readFile(file), CONTENT);
    assert.deepEqual(await readdir(dir), [path.basename(file)]);
  });

  it('replaces a link itself with --force, never what it points to', async () => {
    const dir = temp.fresh('link');
    await mkdir(dir);
    const target = path.join(dir, 'elsewhere.txt');
    await writeFile(target, 'keep me');
    const link = path.join(dir, 'out.reg');
    await symlink(target, link);
    await writeExportFile(link, CONTENT, { force: true });
    assert.equal((await lstat(link)).isFile(), true);
    assert.equal(await readFile(target, 'utf8'), 'keep me');
  });

  const refused: [string, (dir: string) => Promise<string>][] = [
    [
      'a named pipe',
      async (dir) => {
        const fifo = path.join(dir, 'pipe.reg');
        assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
        return fifo;
      },
    ],
    [
      'a folder',
      async (dir) => {
        const folder = path.join(dir, 'folder.reg');
        await mkdir(folder);
        return folder;
      },
    ],
    ['a device', async () => '/dev/null'],
  ];
  for (const [what, make] of refused) {
    it(`refuses to replace ${what}, even with --force`, async () => {
      const dir = temp.fresh('special');
      await mkdir(dir);
      const file = await make(dir);
      const before = await lstat(file);
      await assert.rejects(writeExportFile(file, CONTENT, { force: true }), (error: TunerError) => {
        assert.equal(
          error.kind,
          'write-failed',
          'exit 7, as docs/cli.md says for an export file that cannot be written',
        );
        assert.equal(
          error.message,
          `${file} is ${what}, not a plain file; this tool never reads or writes through one. Nothing was changed there. Move it away and run again.`,
        );
        return true;
      });
      const now = await lstat(file);
      assert.deepEqual([now.ino, now.mode], [before.ino, before.mode], `${file} is still the same ${what}`);
    });
  }

  it('a folder that does not exist is exit 7 with the real reason, not exit 1', async () => {
    const file = path.join(temp.fresh('missing'), 'out.reg');
    const result = await runCli(['export', '--format', 'reg', '--max-user-port', '65534', '--out', file], process.env);
    assert.equal(result.code, 7, result.stderr);
    assert.match(
      result.stderr,
      new RegExp(
        `^tcp-port-tuner: Could not write the export ${file.replace(/[/.-]/g, '\\$&')}: the folder does not exist\\. Nothing was written\\.$`,
        'm',
      ),
    );
  });

  it('keeps a link it must not follow out of the picture: the link still names its target after a refused write', async () => {
    const dir = temp.fresh('kept');
    await mkdir(dir);
    const link = path.join(dir, 'out.reg');
    await symlink('/dev/null', link);
    await assert.rejects(writeExportFile(link, CONTENT, { force: false }), /exists already/);
    assert.equal(await readlink(link), '/dev/null');
  });
});
