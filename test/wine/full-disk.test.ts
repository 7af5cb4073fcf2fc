/**
 * A full disk is exit 7 everywhere, with nothing changed and nothing half-written left behind:
 * the data folder on a small tmpfs filled to a chosen number of free pages, and an export that
 * Wine's `reg export` cut off while still exiting 0. The key is checked with `wine reg export`,
 * netsh with the stand-in's own state. Mounting a tmpfs needs root (as on these machines and CI);
 * without it that part is skipped and says why.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { netshEnv, netshState, seedNetsh } from '../helpers/netsh-stand-in';
import { cliMessages, runCli } from '../helpers/cli-run';
import { freshPath } from '../helpers/temp-folder';
import { withPrefix } from '../helpers/with-prefix';
import { regExport, resetValues, setValue } from '../helpers/reg-checks';

const APPLY = [
  'apply',
  '--max-user-port',
  '65534',
  '--accept-unprotected',
  '--tcp-timed-wait-delay',
  '30',
  '--dynamic-start',
  '33061',
  '--dynamic-count',
  '32475',
];
const PAGE = 4096;

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

describe('a full disk, on Wine with the netsh stand-in', () => {
  let baseline: string;
  let disk: string;
  let mounted = false;

  // Unmounted before the prefix, which holds the mount point, is removed.
  after(() => {
    if (mounted) spawnSync('umount', [disk]);
  });
  const prefix = withPrefix('full-disk', async () => {
    await resetValues(prefix);
    await setValue(prefix, 'TcpTimedWaitDelay', 'REG_DWORD', 120);
    baseline = await regExport(prefix);
    disk = path.join(prefix.root, 'disk');
    await mkdir(disk);
    mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${64 * PAGE}`, 'tmpfs', disk]).status === 0;
  });

  /** Fills the tmpfs so that `pages` pages stay free. */
  async function fillLeaving(pages: number): Promise<void> {
    const { bavail, bsize } = await import('node:fs/promises').then((fs) => fs.statfs(disk));
    const filler = path.join(disk, `filler-${pages}`);
    await writeFile(filler, Buffer.alloc(Math.max(0, bavail * bsize - pages * PAGE)));
  }

  it('at every amount of free space from none to twelve pages: exit 0 or exit 7, never a half-done change or a stray file', async (t) => {
    if (!mounted) return t.skip('mounting a tmpfs needs root; run as root (CI does) to check the full disk');
    const state = await seedNetsh(prefix.root);
    const seeded = await netshState(state);
    const codes: number[] = [];
    for (let pages = 0; pages <= 12; pages++) {
      await Promise.all(
        (await readdir(disk)).map((name) => rm(path.join(disk, name), { recursive: true, force: true })),
      );
      const dataDir = path.join(disk, 'data');
      await fillLeaving(pages);
      const result = await runCli(APPLY, netshEnv(prefix, dataDir, state));
      codes.push(result.code ?? -1);
      const files = await filesUnder(dataDir);
      assert.deepEqual(
        files.filter((file) => /\.tmp$|change\.draft\./.test(file)),
        [],
        `${pages} pages free: no draft or temporary file left (${files.join(', ')})`,
      );
      for (const backup of files.filter((file) => /Tcpip-Parameters-[^/]*\d\.reg$/.test(file))) {
        for (const beside of [backup.replace(/\.reg$/, '.json'), backup.replace(/\.reg$/, '-restore.reg')])
          assert.ok(files.includes(beside), `${pages} pages free: ${backup} is whole, with ${beside}`);
      }
      if (result.code === 0) {
        await resetValues(prefix);
        await setValue(prefix, 'TcpTimedWaitDelay', 'REG_DWORD', 120);
        await writeFile(state, JSON.stringify(seeded));
        continue;
      }
      assert.equal(result.code, 7, `${pages} pages free: ${result.stderr}`);
      assert.match(
        cliMessages(result.stderr)[0],
        /disk is full|disk may be full|drive holding .* is full|ENOSPC/,
        `${pages} pages free: says the disk is full`,
      );
      assert.equal(await regExport(prefix), baseline, `${pages} pages free: the key is unchanged`);
      assert.deepEqual(await netshState(state), seeded, `${pages} pages free: the range is unchanged`);
    }
    assert.equal(codes[0], 7, 'with no space at all: exit 7, not 3');
    t.diagnostic(`exit codes by free pages 0..12: ${codes.join(' ')}`);
  });

  it('an export cut off while reg.exe exits 0 does not count as a backup: exit 7, the key unchanged, no file under the backup name', async () => {
    await resetValues(prefix);
    await setValue(prefix, 'TcpTimedWaitDelay', 'REG_DWORD', 120);
    const dataDir = freshPath(prefix.root, 'data');
    const standIn = path.join(prefix.root, 'reg-cut-off');
    // Passes every call to Wine's reg.exe; an export is then cut to 400 bytes, as a full disk cut it.
    await writeFile(
      standIn,
      [
        '#!/bin/sh',
        'wine reg.exe "$@"',
        'code=$?',
        'if [ "$1" = export ]; then truncate -s 400 "$3"; fi',
        'exit "$code"',
        '',
      ].join('\n'),
    );
    await chmod(standIn, 0o755);
    const state = await seedNetsh(prefix.root);
    const result = await runCli(APPLY, netshEnv(prefix, dataDir, state, { TCP_PORT_TUNER_REG_COMMAND: standIn }));
    assert.equal(result.code, 7, result.stderr);
    assert.match(
      cliMessages(result.stderr)[0],
      /The backup .*\.reg (does not match the key as it is now|does not hold the key).*(It|it) was not kept/,
    );
    assert.equal(await regExport(prefix), baseline);
    assert.deepEqual(
      (await filesUnder(path.join(dataDir, 'backups'))).filter((file) => file.endsWith('.reg')),
      [],
      'no cut-off export left under the normal name',
    );
  });
});
