import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TunerError } from '../../../../../electron/services/errors';
import { resolveTarget } from '../../../../../electron/services/host/target';
import type { ProcessResult, ProcessRunner } from '../../../../../electron/services/host/process-runner';
import { RegExeBackend } from '../../../../../electron/services/registry/reg-exe-backend';

/** Answers each call with the next scripted result, and counts the calls. */
function scripted(...results: ProcessResult[]) {
  const calls: (readonly string[])[] = [];
  const run: ProcessRunner = async (_file, args) => {
    calls.push(args);
    return results[Math.min(calls.length - 1, results.length - 1)];
  };
  return { calls, run };
}

const NOT_STARTED: ProcessResult = {
  code: 1,
  stdout: '',
  stderr:
    'Application could not be started, or no application associated with the specified file.\nShellExecuteEx failed: Internal error.',
};
const wine = resolveTarget({ WINEPREFIX: '/nonexistent/prefix' }, 'linux').regCommand;

describe('reg.exe under Wine', () => {
  it('asks again once when Wine failed to start reg.exe at all', async () => {
    const { calls, run } = scripted(NOT_STARTED, {
      code: 0,
      stdout:
        '\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\r\n    TcpTimedWaitDelay    REG_DWORD    0x1e\r\n',
      stderr: '',
    });
    const values = await new RegExeBackend(wine, run).readValues();
    assert.deepEqual(values.TcpTimedWaitDelay, { present: true, type: 'REG_DWORD', data: 30 });
    assert.equal(calls.length, 2);
  });

  it('does not ask again when reg.exe itself answered with a failure', async () => {
    const { calls, run } = scripted({
      code: 1,
      stdout: '',
      stderr: 'reg: Unable to find the specified registry key or value',
    });
    await assert.rejects(new RegExeBackend(wine, run).setDword('MaxUserPort', 65534), (error: unknown) => {
      assert.ok(error instanceof TunerError);
      assert.equal(error.kind, 'registry-failed');
      assert.match(
        error.message,
        /^Could not write MaxUserPort: reg\.exe exited with 1 and said "reg: Unable to find the specified registry key or value"\.$/,
      );
      return true;
    });
    assert.equal(calls.length, 1);
  });

  it('asks again when Wine ends non-zero in silence (reg.exe never ran), for a write too', async () => {
    const { calls, run } = scripted(
      { code: 1, stdout: '', stderr: '' },
      { code: 0, stdout: 'The operation completed successfully.\r\n', stderr: '' },
    );
    await new RegExeBackend(wine, run).setDword('MaxUserPort', 65534);
    assert.equal(calls.length, 2);
  });

  it('asks an export again once after any failure (exporting changes nothing), and no more', async () => {
    const failed: ProcessResult = { code: 1, stdout: '', stderr: 'reg: Unable to write to the file' };
    const once = scripted(failed, { code: 0, stdout: '', stderr: '' });
    await new RegExeBackend(wine, once.run).exportKey('/tmp/x.reg');
    assert.equal(once.calls.length, 2);
    const always = scripted(failed);
    await assert.rejects(
      new RegExeBackend(wine, always.run).exportKey('/tmp/x.reg'),
      /Could not export the key to \/tmp\/x\.reg: reg\.exe exited with 1 and said "reg: Unable to write to the file"\./,
    );
    assert.equal(always.calls.length, 2);
  });

  it('reports a launcher that keeps failing as a failed registry step, not a success', async () => {
    const { calls, run } = scripted(NOT_STARTED);
    await assert.rejects(new RegExeBackend(wine, run).exportKey('/tmp/x.reg'), { name: 'TunerError' });
    assert.equal(calls.length, 2);
  });
});

describe('reg.exe on a Windows in another language', () => {
  const windows = resolveTarget({}, 'win32', () => ['C:\\Windows\\SYSTEM32\\ntdll.dll']).regCommand;
  const german: ProcessResult = { code: 1, stdout: '', stderr: 'FEHLER: Zugriff verweigert\r\n' };

  it('calls a refused write "not permitted" when the token is not elevated, whatever words reg.exe used', async () => {
    await assert.rejects(
      new RegExeBackend(windows, scripted(german).run, async () => false).setDword('MaxUserPort', 65534),
      (error: unknown) => {
        assert.ok(error instanceof TunerError);
        assert.equal(error.kind, 'not-permitted');
        assert.equal(error.message, 'Could not write MaxUserPort: access is denied. Run as administrator.');
        return true;
      },
    );
  });

  it("passes reg.exe's own words on when the token is elevated and the write still failed", async () => {
    await assert.rejects(
      new RegExeBackend(windows, scripted(german).run, async () => true).deleteValue('MaxUserPort'),
      (error: unknown) => {
        assert.ok(error instanceof TunerError);
        assert.equal(error.kind, 'registry-failed');
        assert.match(error.message, /FEHLER: Zugriff verweigert/);
        return true;
      },
    );
  });

  it('runs reg.exe from the System32 the loader took ntdll.dll from, not from %SystemRoot%', () => {
    const planted = resolveTarget({ SystemRoot: 'C:\\Users\\dba\\AppData\\Local\\Temp\\fake' }, 'win32', () => [
      'C:\\WINDOWS\\SYSTEM32\\ntdll.dll',
      'C:\\WINDOWS\\System32\\KERNEL32.DLL',
    ]);
    assert.equal(planted.regCommand.file, 'C:\\WINDOWS\\SYSTEM32\\reg.exe');
    assert.equal(
      resolveTarget({ SystemRoot: 'D:\\evil' }, 'win32', () => []).regCommand.file,
      'C:\\Windows\\System32\\reg.exe',
      'the fixed path when no list is to be had',
    );
  });
});
