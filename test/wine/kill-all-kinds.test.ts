/**
 * Item 1 of issue 16 as a DBA meets it: an apply of all four kinds killed (kill -9, the whole
 * process group) at a random moment, then one part changed by hand. `status` writes nothing;
 * after `undo --force` the machine must be exactly at its baseline: the key as `wine reg export`
 * writes it, the range and every exclusion as the netsh stand-in's own state holds them, with the
 * admin's exclusions and Hyper-V's block untouched. The one exception is an exclusion added by a
 * netsh call the kill cut off before the tool recorded it: it cannot be told from an admin's, so
 * it stays, and undo names it. Where the kill came before the tool recorded anything, the tool
 * touched nothing and the hand change is the admin's to keep.
 *
 * TCP_PORT_TUNER_ABUSE_SEED replays a run; the seed is printed.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { editNetsh, netshEnv, netshState, one, seedNetsh, type NetshState } from '../helpers/netsh-stand-in';
import { cliMessages, readJournal, runCli, startCli } from '../helpers/cli-run';
import { freshPath } from '../helpers/temp-folder';
import type { WinePrefix } from '../helpers/wine-prefix';
import { withPrefix } from '../helpers/with-prefix';
import { regExport, resetValues, setValue } from '../helpers/reg-checks';
import { randomFrom } from '../helpers/seeded-random';

const APPLY = [
  'apply',
  '--max-user-port',
  '65534',
  '--tcp-timed-wait-delay',
  '30',
  '--dynamic-start',
  '33061',
  '--dynamic-count',
  '32475',
  '--reserve-ports',
  '3306,33060',
];
const RUNS = 20;
/** An admin's 5357 and 8080, and Hyper-V's block around 50000. */
const FOUND = [one(5357), one(8080), { start: 50000, end: 50159, administered: false }];

/** The parts an admin may change by hand after the kill. */
const HAND_CHANGES: { what: string; make: (prefix: WinePrefix, state: string) => Promise<void> }[] = [
  { what: 'TcpTimedWaitDelay set to 60', make: (prefix) => setValue(prefix, 'TcpTimedWaitDelay', 'REG_DWORD', 60) },
  { what: 'MaxUserPort set to 40000', make: (prefix) => setValue(prefix, 'MaxUserPort', 'REG_DWORD', 40000) },
  {
    what: 'the IPv6 range set to 20000 + 45536',
    make: (_prefix, state) =>
      editNetsh(state, (held) => {
        Object.assign(held.ipv6, { start: 20000, count: 45536 });
      }),
  },
];

/** The exclusions an undo's settle left alone as maybe an admin's, by family, from what it said. */
function leftAlone(stderr: string): Record<'ipv4' | 'ipv6', number[]> {
  const named = [...stderr.matchAll(/port (\d+) \((IPv[46])\) is reserved, but no step of this tool's made it so/g)];
  const of = (label: string) => named.filter((match) => match[2] === label).map((match) => Number(match[1]));
  return { ipv4: of('IPv4'), ipv6: of('IPv6') };
}

/** The seeded state with the one-port exclusions `extra` names added. */
function withExtra(seeded: NetshState, extra: Record<'ipv4' | 'ipv6', number[]>): NetshState {
  const add = (family: 'ipv4' | 'ipv6') => ({
    ...seeded[family],
    exclusions: [...seeded[family].exclusions, ...extra[family].map(one)].sort((a, b) => a.start - b.start),
  });
  return { ipv4: add('ipv4'), ipv6: add('ipv6') };
}

/** Calls `kill` `at` ms after the journal first appears in `dataDir`; `current` is the timer to clear. */
function afterJournal(dataDir: string, at: number, kill: () => void): { current: NodeJS.Timeout } {
  const timer = {
    current: setTimeout(function poll() {
      timer.current = existsSync(path.join(dataDir, 'journal.json')) ? setTimeout(kill, at) : setTimeout(poll, 10);
    }, 10),
  };
  return timer;
}

describe('kill -9 during an apply of all four kinds, then a hand change, on Wine with the netsh stand-in', () => {
  const seed = Number(process.env.TCP_PORT_TUNER_ABUSE_SEED ?? Date.now() % 2 ** 31);
  const random = randomFrom(seed);
  let baseline: string;
  let seeded: NetshState;
  const prefix = withPrefix('kill-all-kinds', async () => {
    await resetValues(prefix);
    await setValue(prefix, 'TcpTimedWaitDelay', 'REG_DWORD', 120);
    baseline = await regExport(prefix);
    seeded = await netshState(await seedNetsh(prefix.root, FOUND));
  });

  /** Every outcome the test checks, read with its own tools; exclusions in port order. */
  async function machine(state: string): Promise<{ key: string; netsh: NetshState }> {
    const netsh = await netshState(state);
    for (const pool of [netsh.ipv4, netsh.ipv6]) pool.exclusions.sort((a, b) => a.start - b.start);
    return { key: await regExport(prefix), netsh };
  }

  it(`${RUNS} runs, each killed at a random moment and then changed by hand, end at the baseline after status and undo --force`, async (t) => {
    t.diagnostic(`seed ${seed} (set TCP_PORT_TUNER_ABUSE_SEED to replay)`);
    // How long a whole apply takes here, so that kills land anywhere from start-up to the end.
    const timing = await seedNetsh(prefix.root, FOUND);
    const timingEnv = netshEnv(prefix, freshPath(prefix.root, 'timing'), timing);
    const started = performance.now();
    assert.equal((await runCli(APPLY, timingEnv)).code, 0);
    const full = performance.now() - started;
    assert.equal((await runCli(['undo'], timingEnv)).code, 0);
    assert.deepEqual(
      await machine(timing),
      { key: baseline, netsh: seeded },
      'a whole apply and undo return to the baseline',
    );

    for (let run = 1; run <= RUNS; run++) {
      const dataDir = freshPath(prefix.root, 'run');
      const state = await seedNetsh(prefix.root, FOUND);
      const env = netshEnv(prefix, dataDir, state);
      // Odd runs: a moment anywhere in the apply. Even runs: a moment after the intent is recorded,
      // where the writes are, timed from when the journal appears (this machine's speed varies).
      const fromIntent = run % 2 === 0;
      const at = random() * (fromIntent ? full / 2 : full);
      const cli = startCli(APPLY, env);
      const timer = fromIntent ? afterJournal(dataDir, at, cli.kill) : { current: setTimeout(cli.kill, at) };
      const ended = await cli.done;
      clearTimeout(timer.current);
      const moment = `${Math.round(at)} ms${fromIntent ? ' after the intent' : ''}`;
      const killed = ended.signal === 'SIGKILL' ? `killed at ${moment}` : `ended (${ended.code}) before ${moment}`;
      // The tool recorded its intent (or finished) only once the journal exists.
      const recorded = existsSync(path.join(dataDir, 'journal.json'));
      const hand = HAND_CHANGES[Math.floor(random() * HAND_CHANGES.length)];
      await hand.make(prefix, state);
      const byHand = await machine(state);

      const status = await runCli(['status'], env);
      assert.equal(status.code, 0, `run ${run} (${killed}, ${hand.what}): status: ${status.stderr}`);
      assert.deepEqual(await machine(state), byHand, `run ${run}: status changed nothing`);
      const undo = await runCli(['undo', '--force'], env);
      assert.equal(undo.code, 0, `run ${run} (${killed}, ${hand.what}): undo --force: ${undo.stderr}`);
      const end = await machine(state);
      if (recorded) {
        const kept = withExtra(seeded, leftAlone(undo.stderr));
        assert.deepEqual(
          end,
          { key: baseline, netsh: kept },
          `run ${run} (${killed}, ${hand.what}) ends at the baseline, but for exclusions it names as left alone`,
        );
        assert.equal((await readJournal(dataDir)).pending ?? null, null, `run ${run}: nothing pending`);
      } else {
        assert.deepEqual(
          end,
          byHand,
          `run ${run} (${killed}): the tool recorded nothing, so it changed nothing, and the admin's change stays`,
        );
        assert.match(undo.stdout, /^Nothing to undo/);
      }
      t.diagnostic(
        `run ${run}: ${killed}, ${hand.what}: ${[...cliMessages(undo.stderr), undo.stdout.trim().split('\n')[0]].join(' | ')}`,
      );
      // The next run starts from the baseline again.
      if (!recorded) await resetValues(prefix).then(() => setValue(prefix, 'TcpTimedWaitDelay', 'REG_DWORD', 120));
    }
  });

  it('killed right after its first reservation, with each hand change in turn: undo --force restores all of it but that unrecorded exclusion', async () => {
    for (const hand of HAND_CHANGES) {
      const dataDir = freshPath(prefix.root, 'after-first-reservation');
      const state = await seedNetsh(prefix.root, FOUND);
      const crashed = await runCli(APPLY, netshEnv(prefix, dataDir, state, { TCP_PORT_TUNER_STANDIN_CRASH: 'add:1' }));
      assert.equal(crashed.signal, 'SIGKILL', `the CLI died after the first reservation: ${crashed.stderr}`);
      assert.deepEqual(
        (await netshState(state)).ipv4.exclusions,
        [one(3306), ...FOUND].sort((a, b) => a.start - b.start),
      );
      await hand.make(prefix, state);
      const env = netshEnv(prefix, dataDir, state);
      const status = await runCli(['status'], env);
      assert.deepEqual(cliMessages(status.stderr), [], 'status settles nothing');
      const refused = await runCli(['undo'], env);
      assert.match(
        cliMessages(refused.stderr).join('\n'),
        /^tcp-port-tuner: Rolled back the apply interrupted at .*, except .*, changed since by hand/m,
        hand.what,
      );
      assert.match(
        cliMessages(refused.stderr).join('\n'),
        /port 3306 \(IPv4\) is reserved, but no step of this tool's made it so/,
      );
      assert.equal(refused.code, 5, `undo without --force asks first (${hand.what}): ${refused.stderr}`);
      const forced = await runCli(['undo', '--force'], env);
      assert.equal(forced.code, 0, forced.stderr);
      assert.deepEqual(
        await machine(state),
        { key: baseline, netsh: withExtra(seeded, { ipv4: [3306], ipv6: [] }) },
        `at the baseline after ${hand.what}, but for the 3306 no step recorded`,
      );
    }
  });
});
