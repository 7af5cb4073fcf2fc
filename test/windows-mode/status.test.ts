// status and diagnose as a Windows program: Windows' node.exe runs the CLI bundle under Wine,
// and the product picks its registry backend and tools as it does on Windows (win32).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withBed } from '../helpers/windows-mode/with-bed';
import { installWhoami } from '../helpers/windows-mode/stand-ins';
import { deleteValue, regQuery, setValue } from '../helpers/reg-checks';

describe('status and diagnose as a win32 process', () => {
  const bed = withBed('status', async () => {
    // Wine's whoami prints the user name whatever it is asked: the stand-in answers as Windows does.
    await installWhoami(bed.prefix, 'high');
    await setValue(bed.regTool, 'MaxUserPort', 'REG_DWORD', 40000);
    await deleteValue(bed.regTool, 'TcpTimedWaitDelay');
  });

  /** status --json, checked against what Wine's reg.exe itself reads. */
  async function statusMatchesRegistry(args: readonly string[]) {
    const result = await bed.cli(['status', '--json', ...args]);
    assert.equal(result.code, 0, `status ${args.join(' ')} exits 0; stderr:\n${result.stderr}`);
    const status = JSON.parse(result.stdout);
    const queried = await regQuery(bed.regTool);
    assert.equal(queried.MaxUserPort.data, '0x9c40', 'the independent check reads what was set');
    assert.deepEqual(status.values.MaxUserPort, { present: true, type: 'REG_DWORD', data: 40000 });
    assert.deepEqual(status.values.TcpTimedWaitDelay, { present: false });
    return status;
  }

  it('runs as win32 on Windows 10 and reads the machine-wide data folder in C:\\ProgramData', async (t) => {
    if (bed.skipped(t)) return;
    const status = await statusMatchesRegistry(['--backend', 'reg']);
    assert.match(status.windows?.name ?? JSON.stringify(status.windows), /Windows 10/);
    assert.equal(status.dataDir, 'C:\\ProgramData\\TCP Port Tuner');
    assert.equal(status.canWrite, true, 'an elevated token (High Mandatory Level) may change HKLM');
  });

  it('status with no --backend reads the registry (the default backend works, or falls back)', async (t) => {
    if (bed.skipped(t)) return;
    const status = await statusMatchesRegistry([]);
    // Wine's cscript.exe cannot run regedit's .wsf scripts, so reg.exe must have done the work.
    assert.equal(status.backend, 'reg', 'status names the backend that did the work');
  });

  it('--backend regedit falls back to reg.exe when Windows Script Host cannot run its scripts', async (t) => {
    if (bed.skipped(t)) return;
    const status = await statusMatchesRegistry(['--backend', 'regedit']);
    assert.equal(status.backend, 'reg', 'status names reg.exe, which did the work');
  });

  it('diagnose with no --backend reads the registry', async (t) => {
    if (bed.skipped(t)) return;
    const result = await bed.cli(['diagnose', '--json']);
    assert.equal(result.code, 0, `diagnose exits 0; stderr:\n${result.stderr}`);
    const diagnosis = JSON.parse(result.stdout);
    assert.equal(diagnosis.unavailable.registry, undefined, `the registry is read: ${diagnosis.unavailable.registry}`);
  });

  it("Wine's own netsh answers nothing: the exclusions are not read, never 'none'", async (t) => {
    if (bed.skipped(t)) return;
    const result = await bed.cli(['diagnose', '--json']);
    assert.equal(result.code, 0, `diagnose exits 0; stderr:\n${result.stderr}`);
    const { ports, unavailable } = JSON.parse(result.stdout);
    for (const family of ['ipv4', 'ipv6']) {
      assert.equal(ports.excluded[family], null, `${family} exclusions are null, not an empty list`);
      assert.ok(unavailable[`excluded.${family}`], `unavailable names why ${family} exclusions were not read`);
      assert.equal(ports.dynamic[family], null, `${family} range is not read`);
      assert.ok(unavailable[`dynamic.${family}`]);
    }
    assert.equal(ports.freePorts, null, 'no free-port figure from an unread range');
    const text = await bed.cli(['diagnose']);
    assert.doesNotMatch(text.stdout, /exclusions?:?\s+none/i, `the text never says none:\n${text.stdout}`);
  });
});
