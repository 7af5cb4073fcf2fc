import assert from 'node:assert/strict';
import { hostname, userInfo } from 'node:os';
import { describe, it } from 'node:test';
import { version } from '../../../../../package.json';
import { auditReader } from '../../../../../electron/services/host/audit';
import type { ProcessResult, ProcessRunner } from '../../../../../electron/services/host/process-runner';
import { resolveTarget } from '../../../../../electron/services/host/target';

const windows = resolveTarget({}, 'win32', () => ['C:\\Windows\\System32\\ntdll.dll']);

/** whoami as a runner: records what was started and answers `answer`. */
function whoami(answer: Partial<ProcessResult> | Error): { run: ProcessRunner; started: string[] } {
  const started: string[] = [];
  const run: ProcessRunner = async (file) => {
    started.push(file);
    if (answer instanceof Error) throw answer;
    return { code: 0, stdout: '', stderr: '', ...answer } as ProcessResult;
  };
  return { run, started };
}

describe('auditReader', () => {
  it("names the account from the process token through System32's whoami.exe, with this machine and version", async () => {
    const { run, started } = whoami({ stdout: 'CORP\\dba-admin\r\n' });
    assert.deepEqual(await auditReader(windows, run)(), { user: 'CORP\\dba-admin', machine: hostname(), version });
    assert.deepEqual(started, ['C:\\Windows\\System32\\whoami.exe']);
  });

  it('asks whoami once per process, however many changes are recorded', async () => {
    const { run, started } = whoami({ stdout: 'CORP\\dba-admin' });
    const audit = auditReader(windows, run);
    await audit();
    await audit();
    assert.equal(started.length, 1);
  });

  it('falls back to the environment only when whoami cannot run or says nothing', async () => {
    const user = `${process.env.USERDOMAIN ?? hostname()}\\${userInfo().username}`;
    assert.equal((await auditReader(windows, whoami(new Error('spawn ENOENT')).run)()).user, user);
    assert.equal(
      (await auditReader(windows, whoami({ code: 1, stdout: 'CORP\\someone' }).run)()).user,
      user,
      'a failed whoami is not believed',
    );
    assert.equal((await auditReader(windows, whoami({ stdout: '  \r\n' }).run)()).user, user);
  });

  it("off Windows, names this machine's user without running anything", async () => {
    const { run, started } = whoami({ stdout: 'never' });
    const audit = await auditReader(resolveTarget({ WINEPREFIX: '/p' }, 'linux'), run)();
    assert.deepEqual(audit, { user: `${hostname()}\\${userInfo().username}`, machine: hostname(), version });
    assert.deepEqual(started, []);
  });
});
