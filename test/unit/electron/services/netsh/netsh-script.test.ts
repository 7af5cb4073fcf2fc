/** netsh's four reads in one `netsh -f`, split back by shape: from the stand-in's own answers, never a part taken for its neighbour. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { before, describe, it } from 'node:test';
import { PORT_SCRIPT, splitPortScript } from '../../../../../electron/services/netsh/netsh-script';
import { captureText } from '../../../../helpers/captures';
import { NETSH, one, seedNetsh } from '../../../../helpers/netsh-stand-in';
import { tempFolder } from '../../../../helpers/temp-folder';

const run = promisify(execFile);

describe('netsh -f with the four reads', () => {
  const temp = tempFolder('netsh-script');
  let script: string;
  before(async () => {
    script = path.join(temp.path, 'reads.txt');
    await writeFile(script, `${PORT_SCRIPT.join('\r\n')}\r\n`);
  });

  const answer = async (extra: NodeJS.ProcessEnv = {}) => {
    const state = await seedNetsh(temp.path, [one(3306), { start: 50000, end: 50059, administered: false }]);
    const { stdout } = await run(process.execPath, [NETSH, '-f', script], {
      env: { ...process.env, TCP_PORT_TUNER_STANDIN_STATE: state, ...extra },
    });
    return stdout;
  };

  it('gives each family its own range and exclusions', async () => {
    const reads = splitPortScript(await answer());
    const exclusions = [
      { start: 3306, end: 3306, administered: true },
      { start: 50000, end: 50059, administered: false },
    ];
    assert.deepEqual(reads, {
      dynamic: {
        ipv4: { ok: true, value: { start: 49152, count: 16384 } },
        ipv6: { ok: true, value: { start: 49152, count: 16384 } },
      },
      excluded: { ipv4: { ok: true, value: exclusions }, ipv6: { ok: true, value: exclusions } },
    });
  });

  it('an exclusion table netsh left empty is not read, and not taken from the next family', async () => {
    const reads = splitPortScript(await answer({ TCP_PORT_TUNER_STANDIN_EMPTY: 'ipv4:1' }));
    assert.deepEqual(reads.excluded.ipv4, {
      ok: false,
      reason:
        "Could not read the IPv4 port exclusions: netsh's answer held no table of exclusions (the answer was empty).",
    });
    assert.equal(reads.excluded.ipv6.ok, true);
    assert.equal(reads.dynamic.ipv6.ok, true);
  });

  it('a missing range leaves all four not read, never a guess at which part is which', async () => {
    const output = await answer();
    const withoutSecondRange = output.replace(
      /Protocol tcp Dynamic Port Range\r\n-+\r\nStart Port\s+: \d+\r\nNumber of Ports : \d+\r\n(?![\s\S]*Dynamic Port Range)/,
      '',
    );
    assert.notEqual(withoutSecondRange, output);
    const reads = splitPortScript(withoutSecondRange);
    for (const part of [reads.dynamic.ipv4, reads.dynamic.ipv6, reads.excluded.ipv4, reads.excluded.ipv6]) {
      assert.deepEqual(part, {
        ok: false,
        reason: `Could not read the dynamic port ranges and exclusions: netsh's answer held 1 dynamic port ranges, not 2 in their place (it began "Protocol tcp Dynamic Port Range").`,
      });
    }
  });

  it('a German exclusion table between two ranges is read by its shape', () => {
    const range =
      '\r\nProtokoll tcp Dynamischer Portbereich\r\n---------------------------------\r\nStartport       : 49152\r\nAnzahl Ports    : 16384\r\n\r\n';
    const german = captureText('netsh-excludedportrange-tcp-de-1.txt').split('\n').join('\r\n');
    const reads = splitPortScript(range + german + range + german);
    assert.equal(reads.dynamic.ipv6.ok && reads.dynamic.ipv6.value.count, 16384);
    assert.ok(reads.excluded.ipv4.ok && reads.excluded.ipv4.value.length > 0, JSON.stringify(reads.excluded.ipv4));
    assert.deepEqual(reads.excluded.ipv4, reads.excluded.ipv6);
  });
});
