/**
 * The one way files in the data folder are opened: a link, a named pipe, a device or a folder
 * where a plain file should be is refused with exit 7 (write-failed), never followed, never
 * waited on; reads stop at their limit. Each case checks the planted thing and its target
 * afterwards, outside the module: bytes, mtime, `stat`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { TunerError } from '../../../../../electron/services/errors';
import {
  plainFolder,
  readPlain,
  replacePlain,
  temporaryName,
  writeNewPlain,
} from '../../../../../electron/services/host/safe-file';
import { tempFolder } from '../../../../helpers/temp-folder';

describe('safe-file: plain files only in the data folder', () => {
  const temp = tempFolder('safe-file');
  let outside: string;
  before(async () => {
    outside = path.join(temp.path, 'outside.txt');
    await writeFile(outside, "not the tool's\n");
  });

  const untouched = async () => {
    assert.equal(await readFile(outside, 'utf8'), "not the tool's\n");
    return (await stat(outside)).mtimeMs;
  };
  const refused = (what: string) => (error: TunerError) => {
    assert.equal(error.kind, 'write-failed', 'exit 7');
    assert.match(
      error.message,
      new RegExp(`is ${what}, not a plain (file|folder); this tool never reads or writes through one\\.`),
    );
    assert.doesNotMatch(error.message, /\n/);
    return true;
  };

  it('reads a plain file whole, and refuses one past its limit without reading it all', async () => {
    const file = temp.fresh('plain');
    await writeFile(file, 'x'.repeat(100));
    assert.equal((await readPlain(file, 100)).length, 100);
    await assert.rejects(
      readPlain(file, 99),
      (error: TunerError) => error.kind === 'write-failed' && /is larger than 99 bytes/.test(error.message),
    );
  });

  it('refuses to read through a link; the link and its target stay as they were', async () => {
    const link = temp.fresh('link');
    await symlink(outside, link);
    const mtime = await untouched();
    await assert.rejects(readPlain(link, 1000), refused('a link or junction'));
    assert.equal((await lstat(link)).isSymbolicLink(), true);
    assert.equal(await untouched(), mtime);
  });

  it('refuses a named pipe at once, with no writer ever coming, and /dev/zero without filling memory', async () => {
    const fifo = temp.fresh('fifo');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    await assert.rejects(readPlain(fifo, 1000), refused('a named pipe'));
    await assert.rejects(readPlain('/dev/zero', 1000), refused('a device'));
    assert.equal((await lstat(fifo)).isFIFO(), true, 'the pipe is still a pipe');
  });

  it('refuses a folder where a file should be, to read or to replace', async () => {
    const folder = temp.fresh('folder');
    await mkdir(folder);
    await assert.rejects(readPlain(folder, 1000), refused('a folder'));
    await assert.rejects(replacePlain(folder, 'x'), refused('a folder'));
    assert.deepEqual(await readdir(folder), []);
  });

  it('never creates through a link planted at a new name (O_EXCL), and leaves the target alone', async () => {
    const link = temp.fresh('planted');
    await symlink(outside, link);
    const mtime = await untouched();
    await assert.rejects(writeNewPlain(link, "the tool's"), { code: 'EEXIST' });
    assert.equal(await untouched(), mtime);
  });

  it('replaces a plain file whole through an unguessable temporary name, and refuses to replace a device or a link', async () => {
    const dir = temp.fresh('replace');
    await mkdir(dir);
    const file = path.join(dir, 'journal.json');
    await replacePlain(file, 'one');
    await replacePlain(file, 'two');
    assert.equal(await readFile(file, 'utf8'), 'two');
    assert.deepEqual(await readdir(dir), ['journal.json'], 'no temporary file left');
    assert.notEqual(temporaryName(file), temporaryName(file));
    assert.doesNotMatch(temporaryName(file), new RegExp(`\\.${process.pid}\\.`), 'not the process id');

    const device = path.join(dir, 'full');
    assert.equal(spawnSync('mknod', [device, 'c', '1', '7']).status, 0, 'mknod (the suites run as root)');
    await assert.rejects(replacePlain(device, 'x'), refused('a device'));
    assert.equal(spawnSync('stat', ['-c', '%F', device], { encoding: 'utf8' }).stdout.trim(), 'character special file');

    const link = path.join(dir, 'linked.json');
    await symlink(outside, link);
    const mtime = await untouched();
    await assert.rejects(replacePlain(link, 'x'), refused('a link or junction'));
    assert.equal(await untouched(), mtime);
  });

  it('takes a real folder, and refuses a link (or a link above it inside the data folder) where one should be', async () => {
    const dataDir = temp.fresh('data');
    await plainFolder(path.join(dataDir, 'scratch'), dataDir);
    assert.equal((await lstat(path.join(dataDir, 'scratch'))).isDirectory(), true);
    const elsewhere = temp.fresh('elsewhere');
    await mkdir(elsewhere);
    await symlink(elsewhere, path.join(dataDir, 'snapshots'));
    await assert.rejects(plainFolder(path.join(dataDir, 'snapshots'), dataDir), refused('a link or junction'));
    const linkedData = temp.fresh('linked-data');
    await symlink(dataDir, linkedData);
    await assert.rejects(plainFolder(path.join(linkedData, 'scratch'), linkedData), refused('a link or junction'));
    assert.deepEqual(await readdir(elsewhere), []);
  });
});
