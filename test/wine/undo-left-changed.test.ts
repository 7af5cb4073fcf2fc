/**
 * Exit 6 during undo leaves the DBA a way out: netsh stops answering half-way through an undo,
 * the rollback cannot read it, and the message names the -restore.reg that holds the values from
 * before the first change, with the exact netsh lines. Following those instructions by hand
 * (`wine reg import`, then the lines run through the netsh stand-in) brings the machine to its
 * baseline, checked with `wine reg export` and the stand-in's own state.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { NETSH, netshEnv, netshState, one, seedNetsh } from '../helpers/netsh-stand-in';
import { cliMessages, runCli } from '../helpers/cli-run';
import { freshPath } from '../helpers/temp-folder';
import { withPrefix } from '../helpers/with-prefix';
import { regExport, regImport, resetValues, setValue } from '../helpers/reg-checks';

describe('exit 6 during undo, on Wine with the netsh stand-in', () => {
  const prefix = withPrefix('undo-left-changed');

  it('names the -restore.reg with the values from before the first change and the netsh lines; doing what it says reaches the baseline', async () => {
    await resetValues(prefix);
    await setValue(prefix, 'TcpTimedWaitDelay', 'REG_DWORD', 120);
    const baseline = await regExport(prefix);
    const state = await seedNetsh(prefix.root, [one(8080)]);
    const seeded = await netshState(state);
    const dataDir = freshPath(prefix.root, 'data');
    const apply = await runCli(
      [
        'apply',
        '--max-user-port',
        '65534',
        '--accept-unprotected',
        '--dynamic-start',
        '33061',
        '--dynamic-count',
        '32475',
      ],
      netshEnv(prefix, dataDir, state),
    );
    assert.equal(apply.code, 0, apply.stderr);

    // The apply made two changes (a range per family); netsh answers undo's reads and its IPv4 set, then nothing.
    const undo = await runCli(['undo'], netshEnv(prefix, dataDir, state, { TCP_PORT_TUNER_STANDIN_BREAK_AFTER: '3' }));
    assert.equal(undo.code, 6, undo.stderr);
    const [said] = cliMessages(undo.stderr);
    const told =
      /To finish the undo by hand, as administrator: (.+-restore\.reg) holds the values from before the first change; run the commands below\.$/.exec(
        said,
      );
    assert.ok(told, said);
    // One command a line under the message: cmd.exe does not take two joined with " ; ".
    const [importLine, ...lines] = undo.stderr
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.trim());
    assert.equal(importLine, `reg import "${told[1]}"`);
    assert.deepEqual(lines, [
      'netsh int ipv4 set dynamicport tcp start=49152 num=16384',
      'netsh int ipv6 set dynamicport tcp start=49152 num=16384',
    ]);

    await regImport(prefix, told[1]);
    for (const line of lines) {
      const ran = spawnSync(NETSH, line.split(' ').slice(1), {
        env: { ...process.env, TCP_PORT_TUNER_STANDIN_STATE: state },
        encoding: 'utf8',
      });
      assert.equal(ran.status, 0, ran.stdout);
    }
    assert.equal(await regExport(prefix), baseline, 'the registry is at its baseline');
    assert.deepEqual(await netshState(state), seeded, "the range is at its baseline, the admin's 8080 untouched");
  });
});
