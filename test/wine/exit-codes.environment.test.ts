/**
 * The exit codes of docs/cli.md's table that come from the machine around the change: a data
 * folder that refuses, a damaged journal, no Wine, no MySQL. Driven through the CLI on a Wine
 * registry, each refusal checked with the test's own `wine reg export`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { onlyMessage } from '../helpers/cli-bed';
import { exitCodeBed } from '../helpers/exit-code-table';
import { closedPort, refusingServer } from '../helpers/probe-checks';

const APPLY = ['apply', '--max-user-port', '65534', '--accept-unprotected', '--tcp-timed-wait-delay', '30'];

describe('the CLI exit codes from the machine around a change, as docs/cli.md lists them', () => {
  const { bed, checksListedCodes } = exitCodeBed(__filename);
  const { cli, assertRefused } = bed;

  it('exit code 7: a data folder that refuses an administrator, named with what makes it so', async () => {
    const parent = path.join(bed.prefix.root, `locked-${path.basename(bed.dataDir)}`);
    await mkdir(parent);
    const dataDir = path.join(parent, 'data');
    // Root may write anywhere a mode allows: the immutable flag denies even root (EPERM), a mode denies anyone else (EACCES).
    const lock = (on: boolean) =>
      process.getuid?.() === 0
        ? spawnSync('chattr', [on ? '+i' : '-i', parent]).status
        : (chmodSync(parent, on ? 0o555 : 0o755), 0);
    assert.equal(lock(true), 0, 'the folder could be locked');
    try {
      await assertRefused(
        () => cli(APPLY, { TCP_PORT_TUNER_DATA_DIR: dataDir }),
        7,
        new RegExp(
          `^tcp-port-tuner: Cannot use the data folder ${dataDir.replace(/[/.-]/g, '\\$&')}: this account may not write in .*Nothing was changed\\. What makes a data folder refuse an administrator: a read-only or system attribute`,
        ),
      );
    } finally {
      lock(false);
    }
    assert.equal(existsSync(dataDir), false);
  });

  it('exit 7: an empty TCP_PORT_TUNER_DATA_DIR names no folder, and nothing is written in the working folder', async () => {
    await assertRefused(
      () => cli(APPLY, { TCP_PORT_TUNER_DATA_DIR: '' }),
      7,
      /^tcp-port-tuner: TCP_PORT_TUNER_DATA_DIR is empty: name the data folder by its full path, or leave the variable unset\. Nothing was changed\.$/,
    );
    assert.equal(existsSync(path.resolve(__dirname, '../../journal.json')), false);
  });

  describe('exit code 1', () => {
    it('for a corrupt journal: names the file, points to the backups, changes nothing', async () => {
      await mkdir(bed.dataDir, { recursive: true });
      const journal = path.join(bed.dataDir, 'journal.json');
      await writeFile(journal, '{"version": 1, "baseline": ');
      const before = await readFile(journal, 'utf8');
      await assertRefused(
        () => cli(APPLY),
        1,
        new RegExp(
          `The change journal ${journal.replace(/[/.-]/g, '\\$&')} cannot be read \\(not valid JSON\\)\\. Nothing was changed\\. The \\.reg backups in .+ are still usable`,
        ),
      );
      assert.equal(await readFile(journal, 'utf8'), before, 'the damaged journal is kept for the user to look at');
    });

    it('when Wine is not installed', async () => {
      const result = await cli(['status'], { PATH: '/nonexistent' });
      assert.equal(result.code, 1);
      assert.match(onlyMessage(result), /^tcp-port-tuner: Wine is not installed\. .*apt-get install wine/);
    });

    it('for --backend regedit off Windows, writing nothing', async () => {
      await assertRefused(
        () => cli([...APPLY, '--backend', 'regedit']),
        1,
        /regedit backend needs Windows Script Host.*Use --backend reg\./,
      );
      assert.equal(existsSync(bed.dataDir), false);
    });
  });

  it('exit codes 8 and 9 (probe): MySQL refused the connection; no MySQL answered', async () => {
    const full = await refusingServer();
    try {
      const refused = await cli(['probe', `127.0.0.1:${full.port}`]);
      assert.equal(refused.code, 8, refused.stderr);
      assert.match(refused.stdout, /too-many-connections .* 1040 Too many connections/);
    } finally {
      full.close();
    }
    const nothing = await cli(['probe', `127.0.0.1:${await closedPort()}`]);
    assert.equal(nothing.code, 9, nothing.stderr);
    assert.match(nothing.stdout, / refused /);
  });

  checksListedCodes();
});
