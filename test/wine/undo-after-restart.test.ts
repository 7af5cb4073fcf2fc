/**
 * Issue 26 items 1, 2 and 8 as a DBA meets them, on Wine with the netsh stand-in, every outcome
 * read outside the product (`wine reg export`, the stand-in's state file, the raw journal):
 * - the MySQL manual's fix, a restart that reshapes the range, then undo: all as before;
 * - an apply killed after its first reservation, an admin's own 3306 (IPv6): status, history
 *   and diagnose write nothing, and the settle leaves every exclusion no step recorded;
 * - a data folder that refuses writes (the immutable attribute): undo exits 7 and hands over
 *   the commands, one a line.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_RANGE, editNetsh, netshEnv, netshState, one, seedNetsh } from '../helpers/netsh-stand-in';
import { cliMessages, readJournal, runCli } from '../helpers/cli-run';
import { freshPath } from '../helpers/temp-folder';
import { withPrefix } from '../helpers/with-prefix';
import { regExport, resetValues } from '../helpers/reg-checks';

const MANUAL = ['apply', '--max-user-port', '65534', '--tcp-timed-wait-delay', '30', '--reserve-ports', '3306,33060'];
const RESHAPED = { start: 1024, count: 64511 };
/** An admin's 8080 from before the tool. */
const FOUND = [one(8080)];

/** `chattr` on the data folder, as the read-only attribute is on Windows; false where this file system or user cannot. */
function immutable(folder: string, on: boolean): boolean {
  try {
    execFileSync('/usr/bin/chattr', [on ? '+i' : '-i', folder], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('undo restores what the change caused, and reading writes nothing', () => {
  let baseline: string;
  const prefix = withPrefix('undo-after-restart', async () => {
    await resetValues(prefix);
    baseline = await regExport(prefix);
  });

  /** The restart: Windows reshapes the range for MaxUserPort 65534, and the tool's last change predates this boot. */
  async function restart(state: string, dataDir: string): Promise<void> {
    await editNetsh(state, (held) => {
      Object.assign(held.ipv4, RESHAPED);
      Object.assign(held.ipv6, RESHAPED);
    });
    const file = path.join(dataDir, 'journal.json');
    const journal = JSON.parse(await readFile(file, 'utf8'));
    journal.lastChangeAt = '2000-01-01T00:00:00.000Z';
    await writeFile(file, JSON.stringify(journal));
  }

  it("the manual's fix, a restart, then undo: the key byte for byte, the range and the reservations as before the first change", async () => {
    const dataDir = freshPath(prefix.root, 'data');
    const state = await seedNetsh(prefix.root, FOUND);
    const seeded = await netshState(state);
    const env = netshEnv(prefix, dataDir, state);
    const applied = await runCli(MANUAL, env);
    assert.equal(applied.code, 0, applied.stderr);
    const journal = JSON.parse(await readFile(path.join(dataDir, 'journal.json'), 'utf8'));
    assert.deepEqual(
      journal.baseline.states.dynamicRange,
      { ipv4: DEFAULT_RANGE, ipv6: DEFAULT_RANGE },
      'the journal records the range MaxUserPort will reshape',
    );

    await restart(state, dataDir);
    const undo = await runCli(['undo'], env);
    assert.equal(undo.code, 0, undo.stderr);
    assert.match(undo.stdout, /^Everything this tool changed is back as it was before its first change\.\n/);
    assert.match(
      undo.stdout,
      /Dynamic port range, IPv4 +1024 to 65534 \(64,511 ports\) +→ +49152 to 65535 \(16,384 ports\)/,
    );
    assert.equal(await regExport(prefix), baseline);
    assert.deepEqual(await netshState(state), seeded, "the range back, 3306 and 33060 released, the admin's 8080 kept");
    assert.equal((await readJournal(dataDir)).pending, null);
    const history = await runCli(['history'], env);
    assert.match(
      history.stdout,
      /Dynamic port range, IPv6 +1024 to 65534 \(64,511 ports\) +→ +49152 to 65535 \(16,384 ports\)/,
      'history shows the range rows',
    );
    assert.match(history.stdout, /Port 3306 +reserved/);
  });

  it("killed after its first reservation, then an admin's 3306 (IPv6): reading writes nothing, and undo leaves what no step recorded", async () => {
    const dataDir = freshPath(prefix.root, 'data');
    const state = await seedNetsh(prefix.root, FOUND);
    const crashed = await runCli(MANUAL, netshEnv(prefix, dataDir, state, { TCP_PORT_TUNER_STANDIN_CRASH: 'add:1' }));
    assert.equal(crashed.signal, 'SIGKILL', crashed.stderr);
    await editNetsh(state, (held) => held.ipv6.exclusions.push(one(3306)));
    const env = netshEnv(prefix, dataDir, state);
    const files = async () => ({
      netsh: await readFile(state, 'utf8'),
      journal: await readFile(path.join(dataDir, 'journal.json'), 'utf8'),
      key: await regExport(prefix),
    });
    const found = await files();

    const status = await runCli(['status', '--json'], env);
    assert.equal(status.code, 0, status.stderr);
    const { unfinished } = JSON.parse(status.stdout);
    assert.equal(unfinished.operation, 'apply');
    assert.deepEqual(
      unfinished.parts.map(
        (part: { name: string; prior: string; now: string }) => `${part.name}: ${part.prior} -> ${part.now}`,
      ),
      [
        'MaxUserPort: not set -> 65534',
        'TcpTimedWaitDelay: not set -> 30',
        'port 3306 (IPv4): not reserved -> reserved',
        'port 3306 (IPv6): not reserved -> reserved',
      ],
    );
    const text = await runCli(['status'], env);
    assert.match(
      text.stdout,
      /Unfinished: +the apply started at .* did not finish\.\n +MaxUserPort: not set before it, 65534 now\n/,
    );
    assert.match(text.stdout, /The next apply or undo settles it, or starting the wizard\./);
    for (const command of [['history'], ['diagnose', '--json']])
      assert.equal((await runCli(command, env)).code, 0, command.join(' '));
    assert.deepEqual(
      await files(),
      found,
      'status, history and diagnose changed neither netsh, the journal nor the key',
    );

    const undo = await runCli(['undo', '--force'], env);
    assert.equal(undo.code, 0, undo.stderr);
    assert.match(
      cliMessages(undo.stderr).join('\n'),
      /Left alone as maybe an administrator's: port 3306 \(IPv4\) is reserved, but no step of this tool's made it so, port 3306 \(IPv6\) is reserved/,
    );
    assert.equal(await regExport(prefix), baseline);
    const held = await netshState(state);
    const sorted = (family: 'ipv4' | 'ipv6') => [...held[family].exclusions].sort((a, b) => a.start - b.start);
    assert.deepEqual(sorted('ipv6'), [one(3306), one(8080)], "the admin's 3306 (IPv6) stays");
    assert.deepEqual(
      sorted('ipv4'),
      [one(3306), one(8080)],
      "the 3306 (IPv4) no step recorded stays too: it cannot be told from an admin's",
    );
  });

  it('a data folder that refuses writes: undo exits 7 with the causes and the commands to undo by hand, one a line', async (t) => {
    const dataDir = freshPath(prefix.root, 'data');
    const state = await seedNetsh(prefix.root, FOUND);
    const env = netshEnv(prefix, dataDir, state);
    assert.equal((await runCli(MANUAL, env)).code, 0);
    const applied = await regExport(prefix);
    if (!immutable(dataDir, true)) return t.skip('chattr +i is not available here');
    try {
      const undo = await runCli(['undo'], env);
      assert.equal(undo.code, 7, undo.stderr);
      const [message] = cliMessages(undo.stderr);
      assert.match(
        message,
        /Cannot use the data folder .*: this account may not write in .* attribute .* ACL .* full disk\. To undo by hand instead, run these commands as administrator, in this order:$/,
      );
      const lines = undo.stderr.split('\n').filter((line) => line.startsWith('  '));
      const journal = JSON.parse(await readFile(path.join(dataDir, 'journal.json'), 'utf8'));
      assert.deepEqual(
        lines.map((line) => line.trim()),
        [
          `reg import "${journal.baseline.backupFile.replace(/\.reg$/, '-restore.reg')}"`,
          'netsh int ipv4 set dynamicport tcp start=49152 num=16384',
          'netsh int ipv6 set dynamicport tcp start=49152 num=16384',
          ...[3306, 33060].flatMap((port) =>
            ['ipv4', 'ipv6'].map(
              (family) =>
                `netsh int ${family} delete excludedportrange protocol=tcp startport=${port} numberofports=1 store=persistent`,
            ),
          ),
        ],
      );
      assert.equal(await regExport(prefix), applied, 'nothing changed');
    } finally {
      immutable(dataDir, false);
    }
  });
});
