import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import { withChangeLock } from '../../../../../electron/services/change/change-lock';
import { TunerError } from '../../../../../electron/services/errors';
import { ownIdentity } from '../../../../../electron/services/change/lock-holder';
import { tempFolder } from '../../../../helpers/temp-folder';

const REPO = path.resolve(__dirname, '../../../../..');

/** A lock file as a holder writes it. */
async function planted(dir: string, number: number, holder: object): Promise<string> {
  const file = path.join(dir, `change.lock.${number}`);
  await writeFile(file, JSON.stringify(holder));
  return file;
}

describe('the change lock shared by the app and the command line', () => {
  const temp = tempFolder('lock');

  it('refuses a second change while another live process holds the lock, naming it and its file', async () => {
    const dir = temp.fresh('data');
    await withChangeLock(dir, async () => undefined);
    // This very process stands for the other holder: alive, with its real start time.
    const file = await planted(dir, 7, { ...ownIdentity(), pid: process.pid });
    let ran = false;
    await assert.rejects(
      withChangeLock(dir, async () => {
        ran = true;
      }),
      (error: TunerError) => {
        assert.equal(error.kind, 'busy');
        assert.match(
          error.message,
          new RegExp(
            `process ${process.pid}, started .*; its lock is ${file.replace(/[.]/g, '\\.')}\\. Nothing was changed; .* If no TCP Port Tuner is running, delete that file\\.$`,
          ),
        );
        return true;
      },
    );
    assert.equal(ran, false, 'the refused change must not run');
  });

  it('takes over a lock whose process has gone, or whose id now belongs to another program', async () => {
    const dir = temp.fresh('stale');
    await withChangeLock(dir, async () => undefined);
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    await planted(dir, 3, { ...ownIdentity(), pid: gone.pid });
    assert.equal(await withChangeLock(dir, async () => 'done'), 'done');
    // A live id, but not the process that wrote the lock: it started at another time.
    await planted(dir, 9, { ...ownIdentity(), startedAt: Date.now() - 3_600_000 });
    assert.equal(await withChangeLock(dir, async () => 'taken over'), 'taken over');
  });

  it('frees the lock when the change fails, and leaves one lock file at most', async () => {
    const dir = temp.fresh('failing');
    await assert.rejects(
      withChangeLock(dir, async () => Promise.reject(new Error('write failed'))),
      /write failed/,
    );
    assert.equal(await withChangeLock(dir, async () => 'next'), 'next');
    assert.equal(await withChangeLock(dir, async () => 'and next'), 'and next');
    const files = (await readdir(dir)).filter((name) => name.startsWith('change.'));
    assert.equal(files.length, 1);
    assert.equal(await readFile(path.join(dir, files[0]), 'utf8'), '', 'released: empty, kept as the highest number');
  });

  it('a held lock swapped for a link to an outside file meanwhile is left alone, never truncated', async () => {
    const dir = temp.fresh('data');
    const outside = temp.fresh('outside');
    await writeFile(outside, 'an outside file');
    await withChangeLock(dir, async () => {
      const [held] = (await readdir(dir)).filter((name) => name.startsWith('change.lock.'));
      await rm(path.join(dir, held));
      await symlink(outside, path.join(dir, held));
    });
    assert.equal(await readFile(outside, 'utf8'), 'an outside file');
    // The link is a stray from then on: the next change goes past it.
    assert.equal(await withChangeLock(dir, async () => 'next'), 'next');
  });

  it('says what is really wrong when the data folder cannot be written', async () => {
    const dir = path.join(temp.fresh('file'), 'below');
    await writeFile(path.dirname(dir), 'a file where the folder would be');
    await assert.rejects(
      withChangeLock(dir, async () => undefined),
      (error: TunerError) => {
        assert.equal(error.kind, 'write-failed', 'exit 7: a file-system problem, not a matter of rights');
        assert.match(
          error.message,
          /^Cannot use the data folder .*below: a file stands where .*below or a folder above it should be, so no change can be recorded\. Nothing was changed\. Move that file away/,
        );
        return true;
      },
    );
  });

  it('lets at most one of many processes hold the lock at a time, even racing over a stale lock', async () => {
    // The lock's own code, bundled once: 48 plain Node starts instead of 48 TypeScript compiles
    // (about 40 s of a 2-core machine's unit suite), and still 16 real processes racing.
    const lockBundle = path.join(temp.path, 'change-lock.cjs');
    await build({
      entryPoints: [path.join(REPO, 'electron/services/change/change-lock.ts')],
      outfile: lockBundle,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'warning',
    });
    for (let round = 0; round < 3; round++) {
      const dir = temp.fresh('race');
      await withChangeLock(dir, async () => undefined);
      const gone = spawn(process.execPath, ['-e', '0']);
      await new Promise((resolve) => gone.on('exit', resolve));
      await planted(dir, 5, { ...ownIdentity(), pid: gone.pid });
      const log = path.join(dir, 'inside.log');
      // Each process, holding the lock, writes "in", waits, writes "out": two holders would interleave.
      const script = `
        const { withChangeLock } = require(${JSON.stringify(lockBundle)});
        const { appendFileSync } = require('node:fs');
        withChangeLock(${JSON.stringify(dir)}, async () => {
          appendFileSync(${JSON.stringify(log)}, 'in\\n');
          await new Promise((r) => setTimeout(r, 30));
          appendFileSync(${JSON.stringify(log)}, 'out\\n');
        }).catch((error) => { if (error.kind !== 'busy') { console.error(error); process.exitCode = 1; } });`;
      const children = Array.from({ length: 16 }, () =>
        spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'inherit'] }),
      );
      const codes = await Promise.all(
        children.map((child) => new Promise<number | null>((resolve) => child.on('exit', resolve))),
      );
      assert.deepEqual(
        codes,
        codes.map(() => 0),
        'every process either held the lock or was told it was busy',
      );
      const lines = (await readFile(log, 'utf8').catch(() => '')).trim().split('\n').filter(Boolean);
      assert.ok(lines.length >= 2, 'at least one process got the lock over the stale one');
      for (let i = 0; i < lines.length; i += 2)
        assert.deepEqual(
          lines.slice(i, i + 2),
          ['in', 'out'],
          `round ${round}: holders overlapped: ${lines.join(' ')}`,
        );
    }
  });
});
