/**
 * No unprotected MaxUserPort, through the CLI on a Wine registry: MaxUserPort reshapes the range
 * over 3306 and 33060 at the next restart, so apply refuses it (exit 2) unless both are reserved,
 * by the change or already, or the user says --accept-unprotected. Every outcome is read outside
 * the product: `wine reg query` and the netsh stand-in's own state file.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cliBed } from '../helpers/cli-bed';
import { NETSH, netshState, one, seedNetsh, type Exclusion } from '../helpers/netsh-stand-in';
import { regQuery } from '../helpers/reg-checks';

const bed = cliBed('unprotected');
const APPLY = ['apply', '--max-user-port', '65534', '--tcp-timed-wait-delay', '30'];

/** The stand-in holding `exclusions`, and the environment that makes the CLI use it. */
async function standIn(exclusions: Exclusion[] = []) {
  const state = await seedNetsh(bed.prefix.root, exclusions);
  return { state, env: { TCP_PORT_TUNER_NETSH_COMMAND: NETSH, TCP_PORT_TUNER_STANDIN_STATE: state } };
}

describe('apply with MaxUserPort and MySQL left open', () => {
  it('is refused with exit 2, naming the ports and the option; nothing is written or reserved', async () => {
    const { state, env } = await standIn([one(8080)]);
    const before = await netshState(state);
    await bed.assertRefused(
      () => bed.cli(APPLY, env),
      2,
      /^tcp-port-tuner: MaxUserPort 65534 widens the dynamic port range to 1024 to 65534 \(64,511 ports\) at the next restart, over 3306 and 33060, which are not reserved\. Reserve them with --reserve-ports 3306,33060, or accept that they are unprotected with --accept-unprotected\. Nothing was changed\.$/,
    );
    assert.equal((await regQuery(bed.prefix)).MaxUserPort, undefined, 'MaxUserPort not written');
    assert.deepEqual(await netshState(state), before, "netsh's state untouched");
    assert.deepEqual(
      JSON.parse((await bed.cli(['history', '--json'])).stdout),
      { history: [] },
      'nothing in the history',
    );
  });

  it('is refused when netsh cannot be read (Wine has no port-range commands)', async () => {
    await bed.assertRefused(
      () => bed.cli(APPLY),
      2,
      /over 3306 and 33060, and netsh's exclusions could not be read .* --accept-unprotected\. Nothing was changed\.$/,
    );
    assert.equal((await regQuery(bed.prefix)).MaxUserPort, undefined);
  });

  it('names only the port still open when the other is reserved already', async () => {
    const { env } = await standIn([one(33060)]);
    await bed.assertRefused(
      () => bed.cli(APPLY, env),
      2,
      /over 3306, which is not reserved\. Reserve it with --reserve-ports 3306, or accept that it is unprotected/,
    );
  });

  it('goes ahead when the change reserves both, reserving them in both families', async () => {
    const { state, env } = await standIn();
    const result = await bed.cli([...APPLY, '--reserve-ports', '3306,33060'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.equal((await regQuery(bed.prefix)).MaxUserPort?.data, '0xfffe');
    const held = await netshState(state);
    for (const family of ['ipv4', 'ipv6'] as const)
      assert.deepEqual(held[family].exclusions, [one(3306), one(33060)], family);
  });

  it('goes ahead with --accept-unprotected, even with netsh unreadable, and reserves nothing', async () => {
    const { state, env } = await standIn();
    const result = await bed.cli([...APPLY, '--accept-unprotected'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.equal((await regQuery(bed.prefix)).MaxUserPort?.data, '0xfffe');
    assert.deepEqual((await netshState(state)).ipv4.exclusions, []);
    assert.equal((await bed.cli([...APPLY, '--accept-unprotected'])).code, 0, 'without netsh too');
  });
});
