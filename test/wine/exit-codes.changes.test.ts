/**
 * The exit codes of docs/cli.md's table that a change or an undo ends with, driven through the CLI
 * on a Wine registry (with the netsh stand-in where netsh is the part that fails), each outcome
 * checked with the test's own `wine reg export` and the stand-in's state file.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { netshEnv, netshState, seedNetsh } from '../helpers/netsh-stand-in';
import { runCli } from '../helpers/cli-run';
import { regQuery, setValue } from '../helpers/reg-checks';
import { onlyMessage } from '../helpers/cli-bed';
import { exitCodeBed } from '../helpers/exit-code-table';

const APPLY = ['apply', '--max-user-port', '65534', '--accept-unprotected', '--tcp-timed-wait-delay', '30'];
const RANGE = ['--dynamic-start', '33061', '--dynamic-count', '32475'];

describe('the CLI exit codes of a change and an undo, as docs/cli.md lists them', () => {
  const { bed, driven, checksListedCodes } = exitCodeBed(__filename);
  const { cli, withStandIn, assertRefused } = bed;

  it('exit code 0: done', async () => {
    const result = await cli(APPLY);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual((await regQuery(bed.prefix)).MaxUserPort, { type: 'REG_DWORD', data: '0xfffe' });
  });

  it('exit code 2: invalid input, nothing written', async () => {
    await assertRefused(() => cli(['apply', '--max-user-port', '70000']), 2, /70000 is out of range/);
    assert.equal(existsSync(bed.dataDir), false);
  });

  it('exit code 4 from netsh: a refused reservation puts the registry value back', async () => {
    const state = await seedNetsh(bed.prefix.root);
    const result = await runCli(
      [...APPLY, '--reserve-ports', '3306'],
      netshEnv(bed.prefix, bed.dataDir, state, { TCP_PORT_TUNER_STANDIN_FAIL: 'add' }),
    );
    driven.add(result.code ?? -1);
    assert.equal(result.code, 4, result.stderr);
    assert.equal((await regQuery(bed.prefix)).MaxUserPort, undefined);
    assert.deepEqual((await netshState(state)).ipv4.exclusions, []);
  });

  it('exit code 6: a rollback netsh cannot answer still puts the registry back, and prints the netsh lines that finish it', async () => {
    const state = await seedNetsh(bed.prefix.root);
    // netsh takes the IPv4 range, then stops answering: the IPv6 set fails and so does the rollback's read.
    const result = await runCli(
      [...APPLY, ...RANGE],
      netshEnv(bed.prefix, bed.dataDir, state, { TCP_PORT_TUNER_STANDIN_BREAK_AFTER: '1' }),
    );
    driven.add(result.code ?? -1);
    assert.equal(result.code, 6, result.stderr);
    const said = onlyMessage(result);
    assert.match(
      said,
      /Putting the values back failed too \(.*The RPC server is unavailable.*\)\. Still changed or not known: the IPv4 dynamic port range \(to be 49152 to 65535/,
    );
    assert.equal(
      (await regQuery(bed.prefix)).MaxUserPort,
      undefined,
      'the registry was put back although netsh could not be read',
    );
    // One command a line under the message: cmd.exe does not take two joined with " ; ".
    const lines = result.stderr
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.trim());
    assert.deepEqual(lines, [
      'netsh int ipv4 set dynamicport tcp start=49152 num=16384',
      'netsh int ipv6 set dynamicport tcp start=49152 num=16384',
    ]);
    assert.deepEqual(
      (await netshState(state)).ipv4,
      { start: 33061, count: 32475, exclusions: [] },
      'the IPv4 range is still the new one, as the message says',
    );
  });

  it('exit code 3: reg.exe saying "Access is denied" leaves the key unchanged', async () => {
    await setValue(bed.prefix, 'TcpTimedWaitDelay', 'REG_DWORD', 120);
    await assertRefused(
      () => withStandIn(APPLY, { kind: 'deny-writes' }),
      3,
      /access is denied\. Run as administrator\./,
    );
  });

  describe('exit codes 4 and 7: a registry step or a backup folder that fails leaves the key unchanged', () => {
    it('when one of the two writes of the apply fails after the backup, and the message says the values were put back', async () => {
      await setValue(bed.prefix, 'MaxUserPort', 'REG_DWORD', 40000);
      await assertRefused(
        () => withStandIn(APPLY, { kind: 'fail', verb: 'add', nth: 1 }),
        4,
        /The system was unable to write the value.*Both values were put back as they were\.$/,
      );
    });

    it('when the backup folder cannot be created', async () => {
      const notAFolder = path.join(bed.prefix.root, `file-${path.basename(bed.dataDir)}`);
      await writeFile(notAFolder, 'a file where a folder would go');
      const folder = path.join(notAFolder, 'backups');
      await assertRefused(
        () => cli(['backup', '--dir', folder]),
        7,
        new RegExp(
          `Cannot use the backup folder ${folder.replace(/[/.-]/g, '\\$&')}: part of the path is a file, not a folder\\. Nothing was changed\\.`,
        ),
      );
    });
  });

  it('exit code 5: undo after someone else changed a value; undo --force then restores', async () => {
    assert.equal((await cli(APPLY)).code, 0);
    await setValue(bed.prefix, 'TcpTimedWaitDelay', 'REG_DWORD', 60);
    await assertRefused(() => cli(['undo']), 5, /TcpTimedWaitDelay: 30 after this tool's last change, 60 now\./);

    const forced = await cli(['undo', '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    const values = await regQuery(bed.prefix);
    assert.equal(values.MaxUserPort, undefined);
    assert.equal(values.TcpTimedWaitDelay, undefined);
  });

  checksListedCodes();
});
