/** regedit's cscript.exe lookup, pinned to System32 through the hook regedit exports, or refused. */
import assert from 'node:assert/strict';
import childProcess from 'node:child_process';
import { after, describe, it } from 'node:test';
import {
  pinScriptHost,
  regeditScriptHost,
  type ScriptHostLookup,
} from '../../../../../electron/services/registry/script-host';

const CSCRIPT = 'C:\\Windows\\System32\\cscript.exe';

describe('pinScriptHost', () => {
  after(async () => ((await regeditScriptHost()) as unknown as { _mockReset(): void })._mockReset());

  it("makes the real regedit package report System32's cscript.exe, starting no process to find it", async () => {
    const lookup = await regeditScriptHost();
    const started: string[] = [];
    const real = { execFile: childProcess.execFile, spawn: childProcess.spawn };
    childProcess.execFile = ((file: string) => void started.push(file)) as unknown as typeof childProcess.execFile;
    childProcess.spawn = ((file: string) => void started.push(file)) as unknown as typeof childProcess.spawn;
    try {
      assert.equal(await pinScriptHost(lookup, CSCRIPT), true);
    } finally {
      Object.assign(childProcess, real);
    }
    assert.equal(lookup.path(), CSCRIPT);
    assert.deepEqual(started, []);
  });

  it('answers false when a lookup keeps another path (a regedit whose lookup changed), so regedit is not used', async () => {
    const stubborn: ScriptHostLookup = { _mock: () => undefined, init: (done) => done(), path: () => 'cscript.exe' };
    assert.equal(await pinScriptHost(stubborn, CSCRIPT), false);
    const failing: ScriptHostLookup = {
      _mock: () => undefined,
      init: (done) => done(new Error('cscript not found')),
      path: () => CSCRIPT,
    };
    assert.equal(await pinScriptHost(failing, CSCRIPT), false);
  });
});
