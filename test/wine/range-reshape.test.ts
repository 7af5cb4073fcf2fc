/**
 * Windows 11 and Server build images make the dynamic range start 1024, count MaxUserPort - 1023
 * at the next restart (README). After such a restart, simulated here by the stand-in's range and
 * a journal whose last change predates this boot, status names the tool's own MaxUserPort as the
 * cause and undo is not refused; without a restart the same range is someone else's change.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { DEFAULT_RANGE, editNetsh, netshEnv, netshState, seedNetsh } from '../helpers/netsh-stand-in';
import { cliMessages, runCli } from '../helpers/cli-run';
import { freshPath } from '../helpers/temp-folder';
import { withPrefix } from '../helpers/with-prefix';
import { regExport, resetValues } from '../helpers/reg-checks';

const APPLY = ['apply', '--max-user-port', '65534', '--accept-unprotected', '--dynamic-start', '33061', '--dynamic-count', '32475'];
const RESHAPED = { start: 1024, count: 64511 };

describe('the range MaxUserPort reshaped, on Wine with the netsh stand-in', () => {
  let dataDir: string;
  let state: string;
  let env: NodeJS.ProcessEnv;
  let baseline: string;
  const prefix = withPrefix('range-reshape', async () => {
    await resetValues(prefix);
    baseline = await regExport(prefix);
  });
  beforeEach(async () => {
    dataDir = freshPath(prefix.root, 'data');
    state = await seedNetsh(prefix.root);
    env = netshEnv(prefix, dataDir, state);
    const applied = await runCli(APPLY, env);
    assert.equal(applied.code, 0, applied.stderr);
    // What Windows does to the range as it starts with MaxUserPort 65534.
    await editNetsh(state, (held) => {
      Object.assign(held.ipv4, RESHAPED);
      Object.assign(held.ipv6, RESHAPED);
    });
  });

  /** The restart: the tool's last change is now from before the time this machine started. */
  async function restarted(): Promise<void> {
    const file = path.join(dataDir, 'journal.json');
    const journal = JSON.parse(await readFile(file, 'utf8'));
    journal.lastChangeAt = '2000-01-01T00:00:00.000Z';
    await writeFile(file, JSON.stringify(journal));
  }

  it('after a restart: status names the cause, nothing is "changed outside", and undo puts the range and MaxUserPort back', async () => {
    await restarted();
    const status = JSON.parse((await runCli(['status', '--json'], env)).stdout);
    assert.deepEqual(status.outsideChanges, []);
    assert.deepEqual(status.rangeReshape.range, RESHAPED);
    assert.equal(status.rangeReshape.maxUserPort, 65534);
    assert.match(status.rangeReshape.message, /^Windows widened the range to 1024-65534 because MaxUserPort is set to 65534\./);

    const undo = await runCli(['undo'], env);
    assert.equal(undo.code, 0, undo.stderr);
    const held = await netshState(state);
    assert.deepEqual([{ start: held.ipv4.start, count: held.ipv4.count }, { start: held.ipv6.start, count: held.ipv6.count }], [DEFAULT_RANGE, DEFAULT_RANGE]);
    assert.equal(await regExport(prefix), baseline);
  });

  it('without a restart, the same range is a change by someone else: status lists it and undo asks first', async () => {
    const status = JSON.parse((await runCli(['status', '--json'], env)).stdout);
    assert.equal(status.rangeReshape, null);
    assert.deepEqual(
      status.outsideChanges.map((change: { name: string; now: string }) => `${change.name}: ${change.now}`),
      ['the IPv4 dynamic port range: 1024 to 65534 (64,511 ports)', 'the IPv6 dynamic port range: 1024 to 65534 (64,511 ports)'],
    );
    const undo = await runCli(['undo'], env);
    assert.equal(undo.code, 5);
    assert.match(cliMessages(undo.stderr)[0], /The IPv4 dynamic port range: 33061 to 65535 \(32,475 ports\) after this tool's last change, 1024 to 65534 \(64,511 ports\) now\./);
    assert.equal((await runCli(['undo', '--force'], env)).code, 0);
    assert.equal(await regExport(prefix), baseline);
  });
});
