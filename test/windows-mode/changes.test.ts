// Every kind of change, its history and its undo, made by the CLI as a win32 process (Windows'
// node.exe under Wine, no --backend), checked with Wine's own reg.exe and the netsh stand-in's
// state, never through the product. Journal and backups land in C:\ProgramData\TCP Port Tuner.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { dataFolder } from '../helpers/windows-mode/bed';
import { withBed } from '../helpers/windows-mode/with-bed';
import { installNetsh, installRecorder, installWhoami, recordedCalls } from '../helpers/windows-mode/stand-ins';
import { regExport, regQuery, resetValues } from '../helpers/reg-checks';

type Exclusion = { start: number; end: number; administered: boolean };
type NetshState = Record<'ipv4' | 'ipv6', { start: number; count: number; exclusions: Exclusion[] }>;

describe('apply, history and undo as a win32 process', () => {
  let state: string;
  let icaclsLog: string;
  const bed = withBed('changes', async () => {
    const scratch = await bed.prefix.folder('stand-ins');
    state = path.join(scratch, 'netsh-state.json');
    icaclsLog = path.join(scratch, 'icacls.log');
    await installWhoami(bed.prefix, 'high');
    await installNetsh(bed.prefix, state);
    // Wine's icacls.exe is a dummy ("not performing ACL manipulations", exit 0): record what is asked of it.
    await installRecorder(bed.prefix, 'icacls', icaclsLog);
    await resetValues(bed.regTool);
  });
  const netsh = async (): Promise<NetshState> => JSON.parse(await readFile(state, 'utf8'));
  const one = (port: number): Exclusion => ({ start: port, end: port, administered: true });

  async function cli(args: readonly string[]) {
    const result = await bed.cli(args);
    assert.equal(result.code, 0, `${args.join(' ')} exits 0; stderr:\n${result.stderr}`);
    return result;
  }

  it('secures C:\\ProgramData\\TCP Port Tuner with icacls from System32 before the first change', async (t) => {
    if (bed.skipped(t)) return;
    await cli(['apply', '--max-user-port', '65534', '--accept-unprotected', '--tcp-timed-wait-delay', '30']);
    const folder = 'C:\\ProgramData\\TCP Port Tuner';
    const calls = await recordedCalls(icaclsLog);
    assert.deepEqual(
      calls.map((args) => args.slice(0, 2)),
      [
        [folder, '/setowner'],
        [folder, '/reset'],
        [folder, '/inheritance:r'],
      ],
      'owner, reset, inheritance removed, on the data folder',
    );
    assert.ok(
      calls.every((args) => args.includes('/L')),
      'on links themselves, never where a planted junction points',
    );
    assert.deepEqual(calls[0].slice(2, 3), ['*S-1-5-32-544'], 'Administrators own it');
    assert.deepEqual(
      calls[2].filter((arg) => arg.startsWith('*S-')),
      ['*S-1-5-32-544:(OI)(CI)F', '*S-1-5-18:(OI)(CI)F', '*S-1-5-32-545:(OI)(CI)RX'],
    );
  });

  it('MaxUserPort and TcpTimedWaitDelay: written as REG_DWORD, journal and backup in ProgramData', async (t) => {
    if (bed.skipped(t)) return;
    const values = await regQuery(bed.regTool);
    assert.deepEqual(values.MaxUserPort, { type: 'REG_DWORD', data: '0xfffe' });
    assert.deepEqual(values.TcpTimedWaitDelay, { type: 'REG_DWORD', data: '0x1e' });
    const folder = dataFolder(bed.prefix);
    assert.ok(existsSync(path.join(folder, 'journal.json')), 'the journal is in C:\\ProgramData\\TCP Port Tuner');
    const backups = (await readdir(path.join(folder, 'backups'))).filter(
      (name) => /^Tcpip-Parameters-.+\.reg$/.test(name) && !name.endsWith('-restore.reg'),
    );
    assert.equal(backups.length, 1, `one full backup: ${backups.join(', ')}`);
    const bytes = await readFile(path.join(folder, 'backups', backups[0]));
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe], 'the backup is what reg export writes: UTF-16LE');
    assert.match(
      bytes.subarray(2).toString('utf16le'),
      /\[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\]/,
    );
  });

  it('the dynamic port range: netsh holds the new range for IPv4 and IPv6', async (t) => {
    if (bed.skipped(t)) return;
    await cli(['apply', '--dynamic-start', '33061', '--dynamic-count', '32475']);
    const held = await netsh();
    for (const family of ['ipv4', 'ipv6'] as const)
      assert.deepEqual([held[family].start, held[family].count], [33061, 32475], family);
  });

  it('reserved ports: one-port exclusions through the netsh stand-in, a Windows program in System32', async (t) => {
    if (bed.skipped(t)) return;
    await cli(['apply', '--reserve-ports', '3306,33060']);
    const held = await netsh();
    for (const family of ['ipv4', 'ipv6'] as const)
      assert.deepEqual(held[family].exclusions, [one(3306), one(33060)], family);
  });

  it("history names each change, whoami's DOMAIN\\name and the backend that did the work", async (t) => {
    if (bed.skipped(t)) return;
    const { history } = JSON.parse((await cli(['history', '--json'])).stdout);
    assert.deepEqual(
      history.map((entry: { action: string; user: string }) => [entry.action, entry.user]),
      [
        ['apply', 'tuner-test\\dba'],
        ['apply', 'tuner-test\\dba'],
        ['apply', 'tuner-test\\dba'],
      ],
    );
    for (const entry of history)
      assert.equal(entry.backend, 'reg', 'reg.exe did the work (regedit cannot run under Wine)');
    const range = { start: 49152, count: 16384 };
    assert.deepEqual(
      history[1].before.dynamicRange,
      { ipv4: range, ipv6: range },
      'the range before the change is recorded',
    );
  });

  it('undo puts the key and netsh back exactly as they were', async (t) => {
    if (bed.skipped(t)) return;
    await cli(['undo']);
    const values = await regQuery(bed.regTool);
    assert.equal(values.MaxUserPort, undefined, 'MaxUserPort is absent again');
    assert.equal(values.TcpTimedWaitDelay, undefined, 'TcpTimedWaitDelay is absent again');
    const held = await netsh();
    for (const family of ['ipv4', 'ipv6'] as const) {
      assert.deepEqual([held[family].start, held[family].count, held[family].exclusions], [49152, 16384, []], family);
    }
    const { history } = JSON.parse((await cli(['history', '--json'])).stdout);
    assert.equal(history.at(-1).action, 'undo');
  });

  it('export writes a .reg file Windows-style that reg import sets, and its undo removes', async (t) => {
    if (bed.skipped(t)) return;
    const folder = await bed.prefix.folder('export');
    const before = await regExport(bed.regTool);
    for (const [name, undo] of [
      ['set.reg', []],
      ['undo.reg', ['--undo']],
    ] as const) {
      const file = path.join(folder, name);
      await cli([
        'export',
        '--format',
        'reg',
        '--max-user-port',
        '65534',
        '--tcp-timed-wait-delay',
        '30',
        ...undo,
        '--out',
        `Z:${file.replace(/\//g, '\\')}`,
      ]);
      const imported = await bed.regTool.reg(['import', `Z:${file.replace(/\//g, '\\')}`]);
      assert.equal(imported.code, 0, `reg import ${name}: ${imported.stdout}${imported.stderr}`);
      const values = await regQuery(bed.regTool);
      if (undo.length)
        assert.deepEqual(
          [values.MaxUserPort, values.TcpTimedWaitDelay],
          [undefined, undefined],
          'the undo file removes both',
        );
      else
        assert.deepEqual(
          [values.MaxUserPort?.data, values.TcpTimedWaitDelay?.data],
          ['0xfffe', '0x1e'],
          'the file sets both',
        );
    }
    assert.equal(await regExport(bed.regTool), before, 'set then undone: the key is as it was');
  });
});
