import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type * as Relaunch from '../../../../electron/main/relaunch-as-admin';
import type { ProcessResult } from '../../../../electron/services/host/process-runner';
import { resolveTarget } from '../../../../electron/services/host/target';
import { TunerError } from '../../../../electron/services/errors';
import { fakeElectron, loadWithElectron } from '../../../helpers/fake-electron';

const fake = fakeElectron();
const { relaunchAsAdmin } = loadWithElectron(
  path.resolve(__dirname, '../../../../electron/main/relaunch-as-admin.ts'),
  fake.electron,
) as typeof Relaunch;
const WINDOWS = resolveTarget({}, 'win32', () => ['C:\\Windows\\System32\\ntdll.dll']);

/** The runner, recording what it was asked to start; the requests, recording a quit. */
function bed(answer: () => Promise<ProcessResult>) {
  const started: { file: string; args: readonly string[]; env?: NodeJS.ProcessEnv }[] = [];
  const quits: string[] = [];
  const run = async (file: string, args: readonly string[], env?: NodeJS.ProcessEnv) => {
    started.push({ file, args, env });
    return answer();
  };
  return { started, quits, run, requests: { quitWhenIdle: () => void quits.push('quit') } };
}

describe('relaunchAsAdmin', () => {
  it('is refused off Windows, starting nothing and keeping this copy', async () => {
    const { started, quits, run, requests } = bed(async () => ({ code: 0, stdout: '', stderr: '' }));
    await assert.rejects(
      relaunchAsAdmin(resolveTarget({ WINEPREFIX: '/p' }, 'linux'), run, requests),
      (error: TunerError) => {
        assert.equal(error.kind, 'not-supported');
        assert.equal(error.message, 'Restarting as administrator works only on Windows.');
        return true;
      },
    );
    assert.deepEqual([started, quits], [[], []]);
  });

  it('passes the app folder to PowerShell only through the environment, never inside the command text', async () => {
    const { started, run, requests } = bed(async () => ({ code: 0, stdout: '', stderr: '' }));
    await relaunchAsAdmin(WINDOWS, run, requests);
    const [{ args, env }] = started;
    assert.equal(env?.TUNER_APP, `"${process.cwd()}"`, 'the unpackaged app folder, quoted');
    assert.ok(!args.join(' ').includes(process.cwd()), 'no path is ever part of what PowerShell parses');
  });

  it('a PowerShell that cannot be started is a plain refusal, and this copy stays', async () => {
    const { quits, run, requests } = bed(async () => Promise.reject(new Error('spawn ENOENT')));
    await assert.rejects(relaunchAsAdmin(WINDOWS, run, requests), (error: TunerError) => {
      assert.equal(error.kind, 'not-permitted');
      assert.match(error.message, /request was declined or failed\. Nothing was changed\.$/);
      return true;
    });
    assert.deepEqual(quits, []);
  });
});
