/**
 * What a production host does to a change tool: it is killed mid-change (a crash, Task Manager,
 * a reboot), and two admins run it at once. The CLI runs for real on a Wine registry; the key is
 * checked with the test's own `wine reg export`.
 *
 * The kill moments come from a seeded generator: set TCP_PORT_TUNER_ABUSE_SEED to replay a run.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { cliMessages, productEnv, readJournal, runCli, startCli } from '../helpers/cli-run';
import { freshPath } from '../helpers/temp-folder';
import { withPrefix } from '../helpers/with-prefix';
import { regExport, resetValues, setValue } from '../helpers/reg-checks';
import { writeRegStandIn } from '../helpers/reg-stand-in';
import { randomFrom } from '../helpers/seeded-random';

const APPLY = ['apply', '--max-user-port', '65534', '--accept-unprotected', '--tcp-timed-wait-delay', '30'];
const KILLS_DURING_APPLY = 8;
const KILLS_DURING_UNDO = 5;
const RACES = 4;

describe('abuse: the CLI killed at random and run twice at once, on a Wine registry', () => {
  const seed = Number(process.env.TCP_PORT_TUNER_ABUSE_SEED ?? Date.now() % 2 ** 31);
  const random = randomFrom(seed);
  let baseline: string;
  const prefix = withPrefix('abuse', async () => {
    await resetValues(prefix);
    // A baseline worth restoring: one value absent, one present with Windows' own default.
    await setValue(prefix, 'TcpTimedWaitDelay', 'REG_DWORD', 120);
    baseline = await regExport(prefix);
  });

  /** After any abuse, the next command settles what was cut off and undo brings back the baseline. */
  async function assertRecovers(
    t: TestContext,
    env: NodeJS.ProcessEnv,
    dataDir: string,
    moment: string,
  ): Promise<void> {
    const status = await runCli(['status'], env);
    assert.equal(status.code, 0, `status after ${moment}: ${status.stderr}`);
    const undo = await runCli(['undo'], env);
    assert.equal(undo.code, 0, `undo after ${moment}: ${undo.stderr}`);
    assert.equal(await regExport(prefix), baseline, `the key is back to its baseline after ${moment}`);
    // The journal a crash left behind is always whole JSON, with nothing left pending.
    const journal = await readJournal(dataDir).catch((error: Error) =>
      assert.fail(`journal after ${moment}: ${error.message}`),
    );
    assert.equal(journal.pending ?? null, null, `nothing pending after ${moment}`);
    t.diagnostic(
      `${moment}: ${[...cliMessages(status.stderr), ...cliMessages(undo.stderr), undo.stdout.trim()].join(' | ')}`,
    );
  }

  /** How long a whole command takes here, so that kills land anywhere from start-up to the end. */
  async function duration(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
    const started = performance.now();
    const result = await runCli(args, env);
    assert.equal(result.code, 0, result.stderr);
    return performance.now() - started;
  }

  async function killAt(args: readonly string[], env: NodeJS.ProcessEnv, afterMs: number): Promise<string> {
    const cli = startCli(args, env);
    const timer = setTimeout(() => cli.kill(), afterMs);
    const ended = await cli.done;
    clearTimeout(timer);
    return ended.signal === 'SIGKILL'
      ? `killed at ${Math.round(afterMs)} ms`
      : `ended (${ended.code}) before ${Math.round(afterMs)} ms`;
  }

  it(`kill -9 at a random moment of apply, ${KILLS_DURING_APPLY} times: status and undo bring back the baseline`, async (t) => {
    t.diagnostic(`seed ${seed}`);
    const dataDir = freshPath(prefix.root, 'kill-apply');
    const env = productEnv(prefix, dataDir);
    const full = await duration(APPLY, env);
    await assertRecovers(t, env, dataDir, 'a whole apply');
    for (let i = 0; i < KILLS_DURING_APPLY; i++) {
      const moment = await killAt(APPLY, env, random() * full);
      await assertRecovers(t, env, dataDir, `apply ${moment}`);
    }
  });

  it(`kill -9 at a random moment of undo, ${KILLS_DURING_UNDO} times: status and undo bring back the baseline`, async (t) => {
    t.diagnostic(`seed ${seed}`);
    const dataDir = freshPath(prefix.root, 'kill-undo');
    const env = productEnv(prefix, dataDir);
    assert.equal((await runCli(APPLY, env)).code, 0);
    const full = await duration(['undo'], env);
    for (let i = 0; i < KILLS_DURING_UNDO; i++) {
      assert.equal((await runCli(APPLY, env)).code, 0);
      // Most of undo's time is after its first write: the kills land there as often as before it.
      const moment = await killAt(['undo'], env, random() * full);
      await assertRecovers(t, env, dataDir, `undo ${moment}`);
    }
  });

  it(`two applies at once, ${RACES} times: exactly one changes the values, the other says so and changes nothing`, async (t) => {
    const dataDir = freshPath(prefix.root, 'race');
    // Each registry call takes a second longer, so the two surely overlap.
    const env = productEnv(prefix, dataDir, {
      TCP_PORT_TUNER_REG_COMMAND: await writeRegStandIn(prefix.root, { kind: 'slow', seconds: 1 }),
    });
    const requests = [
      { args: APPLY, values: ['"MaxUserPort"=dword:0000fffe', '"TcpTimedWaitDelay"=dword:0000001e'] },
      {
        args: ['apply', '--max-user-port', '20000', '--accept-unprotected', '--tcp-timed-wait-delay', '60'],
        values: ['"MaxUserPort"=dword:00004e20', '"TcpTimedWaitDelay"=dword:0000003c'],
      },
    ];
    for (let round = 0; round < RACES; round++) {
      const results = await Promise.all(requests.map((request) => startCli(request.args, env).done));
      const winners = results.flatMap((result, index) => (result.code === 0 ? [index] : []));
      assert.equal(
        winners.length,
        1,
        `exactly one apply wins; exit codes ${results.map((result) => result.code).join(', ')}`,
      );
      const loser = results[1 - winners[0]];
      assert.equal(loser.code, 1);
      assert.match(
        cliMessages(loser.stderr).join('\n'),
        /^tcp-port-tuner: Another TCP Port Tuner \(.*\) is changing the values; its lock is .*change\.lock.*Nothing was changed/m,
      );
      const exported = await regExport(prefix);
      for (const value of requests[winners[0]].values)
        assert.ok(exported.includes(value), `the winner's ${value} is in force, never a mix`);
      const journal = await readJournal(dataDir);
      assert.equal(
        journal.history.filter((entry) => entry.action === 'apply').length,
        round + 1,
        'one apply recorded per round',
      );
      t.diagnostic(`round ${round + 1}: apply ${winners[0] + 1} won`);
    }
    assert.equal((await runCli(['undo'], env)).code, 0);
    assert.equal(await regExport(prefix), baseline, 'undo after the races brings back the baseline');
  });
});
