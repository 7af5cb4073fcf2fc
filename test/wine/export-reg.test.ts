/**
 * The exported .reg pair does what it says on a real registry: `wine reg import` of the set file
 * writes both values, of the undo file removes them; checked with the test's own `reg query`.
 */
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cliMessages, runCli } from '../helpers/cli-run';
import { withPrefix } from '../helpers/with-prefix';
import { regImport, regQuery } from '../helpers/reg-checks';

describe('the exported .reg pair on a Wine registry', () => {
  const prefix = withPrefix('export-reg');

  it('sets both values as REG_DWORD, then removes them, and refuses to overwrite without --force', async () => {
    const set = path.join(prefix.root, 'tcp-port-tuner.reg');
    const undo = path.join(prefix.root, 'tcp-port-tuner-undo.reg');
    const written = await runCli(
      ['export', '--format', 'reg', '--max-user-port', '60000', '--tcp-timed-wait-delay', '45', '--out', set],
      prefix.env,
    );
    assert.equal(written.code, 0, written.stderr);
    assert.equal(written.stdout.trim(), `Wrote ${set} (reg, ${statSync(set).size} bytes).`);
    assert.equal((await runCli(['export', '--format', 'reg', '--undo', '--out', undo], prefix.env)).code, 0);

    await regImport(prefix, set);
    const values = await regQuery(prefix);
    assert.deepEqual(
      [values.MaxUserPort, values.TcpTimedWaitDelay],
      [
        { type: 'REG_DWORD', data: '0xea60' },
        { type: 'REG_DWORD', data: '0x2d' },
      ],
    );

    await regImport(prefix, undo);
    const after = await regQuery(prefix);
    assert.deepEqual([after.MaxUserPort, after.TcpTimedWaitDelay], [undefined, undefined]);

    const again = await runCli(['export', '--format', 'reg', '--max-user-port', '5000', '--out', set], prefix.env);
    assert.equal(again.code, 2);
    assert.equal(
      cliMessages(again.stderr)[0],
      `tcp-port-tuner: ${set} exists already. Nothing was written; use --force to replace it.`,
    );
  });

  it('refuses bad values with exit 2 and writes no file', async () => {
    const file = path.join(prefix.root, 'never.reg');
    const refused = await runCli(['export', '--format', 'reg', '--max-user-port', '70000', '--out', file], prefix.env);
    assert.equal(refused.code, 2);
    assert.match(
      cliMessages(refused.stderr)[0],
      /MaxUserPort must be a whole number from 5000 to 65534; 70000 is out of range\. Nothing was changed\./,
    );
    assert.equal(existsSync(file), false);
  });
});
