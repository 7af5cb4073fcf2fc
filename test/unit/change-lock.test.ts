import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { withChangeLock } from '../../electron/services/change-lock';
import { TunerError } from '../../electron/services/errors';
import { freshPath, makeTempRoot, removeTempRoot } from '../helpers/wine';

describe('the change lock shared by the app and the command line', () => {
  let root: string;
  before(async () => {
    root = await makeTempRoot('lock');
  });
  after(() => removeTempRoot(root));

  it('refuses a second change while another live process holds the lock, and says which', async () => {
    const dir = freshPath(root, 'data');
    // A live process that is not this one, as the app would be while the CLI runs.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await withChangeLock(dir, async () => undefined);
      await writeFile(path.join(dir, 'change.lock'), String(other.pid));
      let ran = false;
      await assert.rejects(
        withChangeLock(dir, async () => {
          ran = true;
        }),
        (error: unknown) => error instanceof TunerError && error.kind === 'busy' && error.message.includes(`process ${other.pid}`),
      );
      assert.equal(ran, false, 'the refused change must not run');
      assert.equal(await readFile(path.join(dir, 'change.lock'), 'utf8'), String(other.pid), "the other process's lock stays");
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that has gone (a crash), and frees it afterwards', async () => {
    const dir = freshPath(root, 'stale');
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    await withChangeLock(dir, async () => undefined);
    await writeFile(path.join(dir, 'change.lock'), String(gone.pid));
    assert.equal(await withChangeLock(dir, async () => 'done'), 'done');
    await assert.rejects(readFile(path.join(dir, 'change.lock')), { code: 'ENOENT' });
  });

  it('frees the lock when the change fails', async () => {
    const dir = freshPath(root, 'failing');
    await assert.rejects(withChangeLock(dir, async () => Promise.reject(new Error('write failed'))), /write failed/);
    assert.equal(await withChangeLock(dir, async () => 'next'), 'next');
  });
});
