/**
 * The dynamic port range as a setting, through the CLI on a Wine registry with the netsh
 * stand-in (which keeps state and enforces netsh's limits): read, changed, refused when bad,
 * rolled back on failure, settled after a crash, and undone.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { cliMessages, runCli } from '../helpers/cli-run';
import { DEFAULT_RANGE, netshEnv } from '../helpers/netsh-stand-in';
import { freshPath } from '../helpers/temp-folder';
import { withPrefix } from '../helpers/with-prefix';
import { regQuery, resetValues } from '../helpers/reg-checks';

const DEFAULT = { ...DEFAULT_RANGE };
const WIDE = { start: 10000, count: 55536 };
const RANGE_APPLY = ['apply', '--dynamic-start', String(WIDE.start), '--dynamic-count', String(WIDE.count)];
/** One change of a registry value and the range, so a failure of the range must put the value back. */
const REGISTRY_AND_RANGE = [...RANGE_APPLY, '--max-user-port', '65534', '--accept-unprotected'];

describe('the dynamic port range on a Wine prefix with a netsh stand-in', () => {
  let dataDir: string;
  let state: string;
  let env: NodeJS.ProcessEnv;
  const prefix = withPrefix('dynamic-range');
  beforeEach(async () => {
    await resetValues(prefix);
    dataDir = freshPath(prefix.root, 'data');
    state = freshPath(prefix.root, 'netsh-state.json');
    env = netshEnv(prefix, dataDir, state);
  });

  /** What netsh would say now, read from the stand-in's own state, not through the product. */
  async function ranges(): Promise<{ ipv4: typeof DEFAULT; ipv6: typeof DEFAULT }> {
    if (!existsSync(state)) return { ipv4: DEFAULT, ipv6: DEFAULT };
    const saved = JSON.parse(await readFile(state, 'utf8'));
    return {
      ipv4: { start: saved.ipv4.start, count: saved.ipv4.count },
      ipv6: { start: saved.ipv6.start, count: saved.ipv6.count },
    };
  }

  it('is changed for IPv4 and IPv6, read back, and undone to what it was', async () => {
    const applied = await runCli(RANGE_APPLY, env);
    assert.equal(applied.code, 0, applied.stderr);
    assert.deepEqual(await ranges(), { ipv4: WIDE, ipv6: WIDE });
    const history = JSON.parse((await runCli(['history', '--json'], env)).stdout).history;
    assert.deepEqual(history[0].after.dynamicRange, {
      ipv4: WIDE,
      ipv6: WIDE,
    });
    assert.deepEqual(history[0].before.dynamicRange, { ipv4: DEFAULT, ipv6: DEFAULT });

    const undone = await runCli(['undo'], env);
    assert.equal(undone.code, 0, undone.stderr);
    assert.deepEqual(await ranges(), { ipv4: DEFAULT, ipv6: DEFAULT });
  });

  it('refuses a range outside Windows limits with exit 2, calling nothing', async () => {
    for (const args of [
      ['--dynamic-start', '1024', '--dynamic-count', '300'],
      ['--dynamic-start', '60000', '--dynamic-count', '10000'],
      ['--dynamic-start', '50000'],
    ]) {
      const refused = await runCli(['apply', ...args], env);
      assert.equal(refused.code, 2, args.join(' '));
      assert.match(cliMessages(refused.stderr)[0], /Nothing was changed\.$/);
    }
    assert.equal(existsSync(state), false, 'netsh was never asked to change anything');
    assert.equal(existsSync(dataDir), false, 'no backup, no journal');
  });

  it('puts the registry values back when netsh fails in the same change', async () => {
    const failing = { ...env, TCP_PORT_TUNER_STANDIN_FAIL: 'set' };
    const result = await runCli(REGISTRY_AND_RANGE, failing);
    assert.equal(result.code, 4, result.stderr);
    assert.match(
      cliMessages(result.stderr)[0],
      /Could not set the IPv4 dynamic port range: netsh exited with 1 .*Every setting was put back as it was\.$/,
    );
    assert.equal((await regQuery(prefix)).MaxUserPort, undefined, 'MaxUserPort is absent again');
    assert.deepEqual(await ranges(), { ipv4: DEFAULT, ipv6: DEFAULT });
  });

  it('settles a change cut off between the two families by putting the range back', async () => {
    assert.equal((await runCli(['apply', '--tcp-timed-wait-delay', '30'], env)).code, 0);
    // The process dies right after netsh changed IPv4 and before IPv6: the stand-in kills it, as a crash would.
    const crashed = await runCli(RANGE_APPLY, {
      ...env,
      TCP_PORT_TUNER_STANDIN_CRASH: 'set:1',
    });
    assert.equal(crashed.signal, 'SIGKILL', crashed.stderr);
    assert.deepEqual(await ranges(), { ipv4: WIDE, ipv6: DEFAULT });

    // Status only reads; the next change command settles.
    await runCli(['status'], env);
    assert.deepEqual(await ranges(), { ipv4: WIDE, ipv6: DEFAULT });
    const undo = await runCli(['undo'], env);
    assert.match(undo.stderr, /Rolled back the apply interrupted at \S+\./);
    assert.deepEqual(await ranges(), { ipv4: DEFAULT, ipv6: DEFAULT });
  });

  it('without a stand-in, says netsh is not available under Wine and changes nothing', async () => {
    const { TCP_PORT_TUNER_NETSH_COMMAND: _gone, ...plain } = env;
    const result = await runCli(REGISTRY_AND_RANGE, plain);
    assert.equal(result.code, 1);
    assert.equal(
      cliMessages(result.stderr)[0],
      'tcp-port-tuner: Could not read the IPv4 dynamic port range: netsh is not available under Wine.',
    );
    assert.equal((await regQuery(prefix)).MaxUserPort, undefined);
    assert.deepEqual(
      existsSync(path.join(dataDir, 'backups')) ? await readdir(path.join(dataDir, 'backups')) : [],
      [],
      'not even a backup was written',
    );
  });
});
