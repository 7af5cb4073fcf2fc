/**
 * Protecting what listens: ports reserved through the CLI with the netsh stand-in (which keeps
 * its exclusions and refuses overlaps as netsh does), on a Wine registry. Undo releases only
 * the one-port exclusions this tool added; Hyper-V's ranges and an admin's own stay.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { cliMessages, runCli } from '../helpers/cli-run';
import { netshEnv, one, seedNetsh, type Exclusion } from '../helpers/netsh-stand-in';
import { freshPath } from '../helpers/temp-folder';
import { withPrefix } from '../helpers/with-prefix';
import { regQuery, resetValues } from '../helpers/reg-checks';

/** A Hyper-V reservation around 33060, and SQL Server's 1433 excluded by an admin. */
const FOUND: Exclusion[] = [
  { start: 1433, end: 1433, administered: true },
  { start: 33040, end: 33139, administered: false },
];

describe('reserved ports on a Wine prefix with a netsh stand-in', () => {
  let dataDir: string;
  let state: string;
  let env: NodeJS.ProcessEnv;
  const prefix = withPrefix('reserved-ports');
  beforeEach(async () => {
    await resetValues(prefix);
    dataDir = freshPath(prefix.root, 'data');
    state = await seedNetsh(prefix.root, FOUND);
    env = netshEnv(prefix, dataDir, state);
  });

  /** The exclusions as netsh holds them, read from the stand-in's own state, not through the product. */
  async function exclusions(): Promise<{ ipv4: Exclusion[]; ipv6: Exclusion[] }> {
    const saved = JSON.parse(await readFile(state, 'utf8'));
    return { ipv4: saved.ipv4.exclusions, ipv6: saved.ipv6.exclusions };
  }
  const both = (list: Exclusion[]) => ({ ipv4: list, ipv6: list });

  it('reserves what is open in both families, leaves covered ports alone, and undo releases only its own', async () => {
    const first = await runCli(['apply', '--reserve-ports', '3306,33060'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      /^ {2}Port 3306 +reserved +at once\n {2}Port 33060 +inside another exclusion +at once$/m,
      "says which ports it reserved; 33060 was inside Hyper-V's range already",
    );
    assert.deepEqual(await exclusions(), both([FOUND[0], one(3306), FOUND[1]]));

    // A second change adds to the first: 1433 was the admin's already, 5000 is new.
    const second = await runCli(['apply', '--reserve-ports', '5000,1433'], env);
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(await exclusions(), both([FOUND[0], one(3306), one(5000), FOUND[1]]));
    const history = JSON.parse((await runCli(['history', '--json'], env)).stdout).history;
    assert.deepEqual(history[1].before.reservedPorts, {
      '1433': { ipv4: 'reserved', ipv6: 'reserved' },
      '5000': { ipv4: 'open', ipv6: 'open' },
    });

    const undone = await runCli(['undo'], env);
    assert.equal(undone.code, 0, undone.stderr);
    assert.deepEqual(await exclusions(), both(FOUND), "the admin's 1433 and Hyper-V's range stay");
  });

  it('refuses bad ports with exit 2, calling nothing', async () => {
    const before = await readFile(state, 'utf8');
    const cases: [string, RegExp][] = [
      ['0', /A port to reserve must be a whole number from 1 to 65535; 0 is out of range\./],
      ['70000', /70000 is out of range/],
      ['3306,3306', /Port 3306 is named twice\./],
      ['3306,', /nothing was entered/],
      ['0x0CEA', /"0x0CEA" is not a number/],
      [
        Array.from({ length: 17 }, (_, i) => 2000 + i).join(','),
        /At most 16 ports can be reserved at once; 17 were given\./,
      ],
    ];
    for (const [ports, said] of cases) {
      const refused = await runCli(['apply', '--reserve-ports', ports], env);
      assert.equal(refused.code, 2, ports);
      assert.match(cliMessages(refused.stderr)[0], said);
      assert.match(cliMessages(refused.stderr)[0], /Nothing was changed\.$/);
    }
    assert.equal(await readFile(state, 'utf8'), before, 'netsh was never asked to change anything');
    assert.equal(existsSync(dataDir), false, 'no backup, no journal');
  });

  it('puts the registry value back when netsh refuses the reservation', async () => {
    const result = await runCli(
      ['apply', '--max-user-port', '65534', '--accept-unprotected', '--reserve-ports', '3306'],
      { ...env, TCP_PORT_TUNER_STANDIN_FAIL: 'add' },
    );
    assert.equal(result.code, 4, result.stderr);
    assert.match(
      cliMessages(result.stderr)[0],
      /Could not reserve port 3306 for IPv4: netsh exited with 1 .*Every setting was put back as it was\.$/,
    );
    assert.equal((await regQuery(prefix)).MaxUserPort, undefined, 'MaxUserPort is absent again');
    assert.deepEqual(await exclusions(), both(FOUND));
  });

  it('refuses a journal whose reserved ports were edited into a range, releasing nothing', async () => {
    assert.equal((await runCli(['apply', '--reserve-ports', '3306'], env)).code, 0);
    const file = path.join(dataDir, 'journal.json');
    const journal = JSON.parse(await readFile(file, 'utf8'));
    journal.baseline.states.reservedPorts = { '1-65535': { ipv4: 'open', ipv6: 'open' } };
    await writeFile(file, JSON.stringify(journal));

    const undo = await runCli(['undo'], env);
    assert.equal(undo.code, 1);
    assert.match(cliMessages(undo.stderr)[0], /journal\.json/);
    assert.deepEqual(await exclusions(), both([FOUND[0], one(3306), FOUND[1]]), 'nothing was released');
  });
});
