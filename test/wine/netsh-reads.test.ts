/**
 * One netsh answer is never taken as the truth: an empty answer is refused by the parser, through
 * the CLI on a Wine registry with the netsh stand-in, every outcome read from the stand-in's own
 * state file and `wine reg export`. (A failed second apply leaving undo as it was is proven in
 * memory, test/unit/change-netsh.test.ts; exit 4 from netsh on Wine by exit-codes.changes.test.ts.)
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { netshEnv, netshState, one, seedNetsh, type Exclusion } from '../helpers/netsh-stand-in';
import { cliMessages, runCli } from '../helpers/cli-run';
import { freshPath } from '../helpers/temp-folder';
import { withPrefix } from '../helpers/with-prefix';
import { regExport, resetValues } from '../helpers/reg-checks';

/** The admin's 8080, and Hyper-V's block around 50000. */
const FOUND: Exclusion[] = [one(8080), { start: 50000, end: 50159, administered: false }];
const sorted = (list: Exclusion[]) => [...list].sort((a, b) => a.start - b.start);

describe('netsh read twice and proven whole, on Wine with the netsh stand-in', () => {
  let dataDir: string;
  let state: string;
  let baseline: string;
  const prefix = withPrefix('netsh-reads', async () => {
    await resetValues(prefix);
    baseline = await regExport(prefix);
  });
  beforeEach(async () => {
    dataDir = freshPath(prefix.root, 'data');
    state = await seedNetsh(prefix.root, FOUND);
  });
  const cli = (args: readonly string[], extra: NodeJS.ProcessEnv = {}) =>
    runCli(args, netshEnv(prefix, dataDir, state, extra));

  it('undo: an IPv6 exclusion read that answers nothing (exit 0) fails the undo with exit 4; the next undo puts everything back', async () => {
    assert.equal((await cli(['apply', '--reserve-ports', '3306,33060'])).code, 0);
    const reserved = sorted([...FOUND, one(3306), one(33060)]);
    // Undo's reads of the IPv6 exclusions: the first (of two) answers nothing, which the parser
    // refuses as not read before the second read is compared.
    const failed = await cli(['undo'], { TCP_PORT_TUNER_STANDIN_EMPTY: 'ipv6:1' });
    assert.equal(failed.code, 4, failed.stderr);
    assert.match(
      cliMessages(failed.stderr)[0],
      /Could not read the IPv6 port exclusions: netsh's answer held no table of exclusions \(the answer was empty\)/,
    );
    assert.deepEqual(
      (await netshState(state)).ipv6.exclusions,
      reserved,
      'nothing was released on a reading netsh contradicted',
    );
    const status = JSON.parse((await cli(['status', '--json'])).stdout);
    assert.notEqual(status.undo, null, 'the undo is still there to do');

    const undone = await cli(['undo']);
    assert.equal(undone.code, 0, undone.stderr);
    const held = await netshState(state);
    assert.deepEqual([held.ipv4.exclusions, held.ipv6.exclusions], [FOUND, FOUND]);
  });

  it("apply: a first exclusion read that answers nothing stops the change, and undo --force later leaves the admin's 8080", async () => {
    const failed = await cli(
      ['apply', '--max-user-port', '65534', '--accept-unprotected', '--reserve-ports', '8080,3306'],
      { TCP_PORT_TUNER_STANDIN_EMPTY: 'ipv4:1' },
    );
    assert.equal(failed.code, 4, failed.stderr);
    assert.match(
      cliMessages(failed.stderr)[0],
      /Could not read the IPv4 port exclusions: netsh's answer held no table of exclusions \(the answer was empty\)/,
    );
    assert.equal(await regExport(prefix), baseline);
    const forced = await cli(['undo', '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stdout, /^Nothing to undo/);
    const held = await netshState(state);
    assert.deepEqual([held.ipv4.exclusions, held.ipv6.exclusions], [FOUND, FOUND], "the admin's 8080 stays excluded");
  });
});
