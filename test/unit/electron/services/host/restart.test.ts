import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestartService } from '../../../../../electron/services/host/restart';
import type { Target } from '../../../../../electron/services/host/target';

const windows: Target = {
  host: 'windows',
  regCommand: { file: 'reg.exe', leadingArgs: [], env: {}, missingMessage: 'reg.exe is missing' },
  dataDir: 'C:\\data',
  dataDirChosen: false,
  system32: 'C:\\Windows\\System32',
};

describe('RestartService', () => {
  it('schedules the restart as planned, so the System log does not record an unexpected shutdown', async () => {
    const calls: { file: string; args: readonly string[] }[] = [];
    const service = new RestartService(windows, async (file, args) => {
      calls.push({ file, args });
      return { code: 0, stdout: '', stderr: '' };
    });
    const result = await service.restart('now');
    assert.equal(result.performed, true);
    assert.equal(calls.length, 1);
    assert.equal(calls[0].file, 'C:\\Windows\\System32\\shutdown.exe');
    const args = calls[0].args;
    assert.deepEqual(args.slice(0, 3), ['/r', '/t', '60']);
    // shutdown.exe takes the reason as the word after /d: p (planned), major 4, minor 1.
    assert.equal(args[args.indexOf('/d') + 1], 'p:4:1');
  });

  it('runs nothing off Windows', async () => {
    let ran = false;
    const service = new RestartService({ ...windows, host: 'wine' }, async () => {
      ran = true;
      return { code: 0, stdout: '', stderr: '' };
    });
    assert.equal((await service.restart('now')).performed, false);
    assert.equal(ran, false);
  });
});
