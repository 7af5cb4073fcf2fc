// Whether this process may change HKLM, from whoami's integrity level: a token that cannot be
// read must come out "not read, with whoami's words", never as "no administrator rights", and
// must be asked again rather than kept for the life of the process.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elevationCheck } from '../../../../../electron/services/host/elevation-check';
import type { ProcessResult } from '../../../../../electron/services/host/process-runner';
import type { Target } from '../../../../../electron/services/host/target';

const WINDOWS = { host: 'windows', system32: 'C:\\Windows\\System32' } as Target;
const label = (sid: string) =>
  `"Everyone","Well-known group","S-1-1-0","Mandatory group"\r\n"Mandatory Label\\X Mandatory Level","Label","${sid}",""\r\n`;
const HIGH: ProcessResult = { code: 0, stdout: label('S-1-16-12288'), stderr: '' };
const MEDIUM: ProcessResult = { code: 0, stdout: label('S-1-16-8192'), stderr: '' };
const FAILED: ProcessResult = { code: 1, stdout: 'ERROR: Unable to get group membership information.\r\n', stderr: '' };

/** A runner answering whoami from a list, one answer a call, recording each call. */
function answering(...answers: (ProcessResult | Error)[]) {
  const calls: string[][] = [];
  const run = async (file: string, args: readonly string[]) => {
    calls.push([file, ...args]);
    const answer = answers.shift() ?? new Error('asked more often than expected');
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { calls, run };
}

describe('elevation check', () => {
  it('High Mandatory Level may change HKLM; whoami is run by its full System32 path, once for the process', async () => {
    const { calls, run } = answering(HIGH);
    const rights = elevationCheck(WINDOWS, run);
    assert.deepEqual(await rights(), { canWrite: true, notRead: null });
    assert.deepEqual(await rights(), { canWrite: true, notRead: null });
    assert.deepEqual(calls, [['C:\\Windows\\System32\\whoami.exe', '/groups', '/fo', 'csv', '/nh']]);
  });

  it('Medium Mandatory Level is read, and may not', async () => {
    assert.deepEqual(await elevationCheck(WINDOWS, answering(MEDIUM).run)(), { canWrite: false, notRead: null });
  });

  it('a whoami that fails twice is not read, with its exit code and words; the next question asks again', async () => {
    const { calls, run } = answering(FAILED, FAILED, HIGH);
    const rights = elevationCheck(WINDOWS, run);
    const first = await rights();
    assert.equal(first.canWrite, false);
    assert.equal(
      first.notRead,
      'C:\\Windows\\System32\\whoami.exe ended with exit 1 and said "ERROR: Unable to get group membership information", naming no integrity level',
    );
    assert.equal(calls.length, 2, 'asked once more at once');
    assert.deepEqual(await rights(), { canWrite: true, notRead: null }, 'a later question reads it afresh');
  });

  it('a whoami that fails once and then answers is read', async () => {
    assert.deepEqual(await elevationCheck(WINDOWS, answering(FAILED, MEDIUM).run)(), {
      canWrite: false,
      notRead: null,
    });
  });

  it('exit 0 without any integrity level (another program, a help text) is not read either', async () => {
    const help = { code: 0, stdout: 'WHOAMI [/UPN | /FQDN | /LOGONID]\r\n', stderr: '' };
    const rights = await elevationCheck(WINDOWS, answering(help, help).run)();
    assert.match(
      rights.notRead ?? '',
      /exit 0 and said "WHOAMI \[\/UPN \| \/FQDN \| \/LOGONID\]", naming no integrity level$/,
    );
  });

  it('a whoami that cannot be started says why', async () => {
    const missing = Object.assign(new Error('spawn C:\\Windows\\System32\\whoami.exe ENOENT'), { code: 'ENOENT' });
    const rights = await elevationCheck(WINDOWS, answering(missing, missing).run)();
    assert.deepEqual(rights.canWrite, false);
    assert.match(rights.notRead ?? '', /^C:\\Windows\\System32\\whoami\.exe could not be started \(ENOENT\)$/);
  });
});
