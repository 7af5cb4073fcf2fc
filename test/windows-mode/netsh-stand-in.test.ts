// The Windows-mode bed's netsh (test/stand-ins/windows/netsh.c, a native Windows program) and the
// Linux suites' netsh (test/stand-ins/netsh, Node) are one stand-in written twice: run on the same
// calls, from the same state, they must print the same bytes, exit alike and keep the same state.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { windowsPath } from '../helpers/windows-mode/prefix';
import { withBed } from '../helpers/windows-mode/with-bed';
import { installNetsh } from '../helpers/windows-mode/stand-ins';

const NODE_STAND_IN = path.resolve(__dirname, '../stand-ins/netsh');
const SEED = { start: 49152, count: 16384, exclusions: [{ start: 50000, end: 50159, administered: false }] };

// Every branch: both shows, a set, adds and deletes, each refusal netsh makes, and calls it does not know.
const CALLS = [
  'int ipv4 show dynamicport tcp',
  'interface ipv4 show excludedportrange protocol=tcp',
  'int ipv4 set dynamicport tcp start=10000 num=1000',
  'int ipv4 set dynamicport tcp start=1000 num=1000',
  'int ipv4 set dynamicport tcp start=abc num=1000',
  'int ipv4 set dynamicport tcp start=65000 num=99999999999',
  'int ipv6 add excludedportrange protocol=tcp startport=3306 numberofports=1 store=persistent',
  'int ipv6 add excludedportrange protocol=tcp startport=3300 numberofports=10',
  'int ipv6 add excludedportrange protocol=tcp startport=1000 numberofports=5',
  'INT IPV6 SHOW EXCLUDEDPORTRANGE PROTOCOL=TCP',
  'int ipv6 delete excludedportrange protocol=tcp startport=3306 numberofports=1',
  'int ipv6 delete excludedportrange protocol=tcp startport=3306 numberofports=1',
  'int ipv6 delete excludedportrange protocol=tcp startport=50000 numberofports=160',
  'int ipv4 add excludedportrange protocol=tcp startport=65535 numberofports=2',
  'int ipv4 show dynamicport',
  'int ipx show dynamicport tcp',
  'wlan show profiles',
  'int',
].map((call) => call.split(' '));

describe('the native netsh stand-in answers as the Node one does', () => {
  let exe: string;
  const states = { native: '', node: '' };
  const bed = withBed('netsh-stand-in', async () => {
    const folder = await bed.prefix.folder('states');
    states.native = path.join(folder, 'native.json');
    states.node = path.join(folder, 'node.json');
    await installNetsh(bed.prefix, states.native);
    // Run from outside System32: `wine` starts a program named there as a 32-bit one, which looks in SysWOW64.
    exe = path.join(folder, 'netsh.exe');
    await copyFile(path.join(bed.prefix.system32, 'netsh.exe'), exe);
    for (const file of Object.values(states)) await writeFile(file, JSON.stringify({ ipv4: SEED, ipv6: SEED }));
  });

  it('prints, exits and saves alike on every call', async (t) => {
    if (bed.skipped(t)) return;
    for (const call of CALLS) {
      const native = await bed.prefix.run(exe, call);
      const node = spawnSync(process.execPath, [NODE_STAND_IN, ...call], {
        encoding: 'utf8',
        env: { ...process.env, TCP_PORT_TUNER_STANDIN_STATE: states.node },
      });
      const said = `netsh ${call.join(' ')}`;
      assert.equal(native.stdout, node.stdout, `${said}: the same output`);
      assert.equal(native.code, node.status, `${said}: the same exit code`);
      assert.deepEqual(
        JSON.parse(await readFile(states.native, 'utf8')),
        JSON.parse(await readFile(states.node, 'utf8')),
        `${said}: the same state`,
      );
    }
    // A script given to -f: answers back to back, stopping at the first command that fails.
    const script = path.join(path.dirname(states.node), 'script.txt');
    await writeFile(
      script,
      `${[CALLS[0], CALLS[9], CALLS[4], CALLS[1]].map((call) => call.join(' ')).join('\r\n')}\r\n`,
    );
    const native = await bed.prefix.run(exe, ['-f', windowsPath(script)]);
    const node = spawnSync(process.execPath, [NODE_STAND_IN, '-f', script], {
      encoding: 'utf8',
      env: { ...process.env, TCP_PORT_TUNER_STANDIN_STATE: states.node },
    });
    assert.equal(native.stdout, node.stdout, 'netsh -f: the same output');
    assert.equal(native.code, node.status, 'netsh -f: the same exit code');
    assert.equal(node.status, 1, 'the script stopped at its refused set');
    assert.equal(node.stdout.match(/Dynamic Port Range/g)?.length, 1, 'one range shown before the refusal, none after');
    // The calls did change something: the comparison above is not of two untouched seeds.
    const final = JSON.parse(await readFile(states.native, 'utf8'));
    assert.deepEqual(final.ipv4, { ...SEED, start: 10000, count: 1000 });
    assert.deepEqual(final.ipv6.exclusions, [{ start: 1000, end: 1004, administered: true }, ...SEED.exclusions]);
  });
});
