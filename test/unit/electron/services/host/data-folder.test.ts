import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { TunerError } from '../../../../../electron/services/errors';
import { dataFolderGuard } from '../../../../../electron/services/host/data-folder';
import { resolveTarget } from '../../../../../electron/services/host/target';
import type { ProcessRunner } from '../../../../../electron/services/host/process-runner';
import { tempFolder } from '../../../../helpers/temp-folder';

describe('the data folder guard', () => {
  const temp = tempFolder('data-folder');

  const recording = (code = 0) => {
    const calls: { file: string; args: readonly string[] }[] = [];
    const run: ProcessRunner = async (file, args) => {
      calls.push({ file, args });
      return { code, stdout: '', stderr: code ? 'Access is denied.' : '' };
    };
    return { calls, run };
  };

  /** The default folder (ProgramData's, as the installed app uses it), placed where this test may write. */
  const windowsTarget = (dataDir: string) => ({
    ...resolveTarget({ SystemRoot: 'C:\\Windows' }, 'win32'),
    dataDir,
    dataDirChosen: false,
  });

  it('on Windows, hands the folder to Administrators and SYSTEM alone, once per process', async () => {
    const target = windowsTarget(temp.fresh('TCP Port Tuner'));
    const dataDir = target.dataDir;
    const { calls, run } = recording();
    const guard = dataFolderGuard(target, run);
    await guard();
    await guard();
    assert.ok(existsSync(dataDir));
    assert.deepEqual(calls, [
      {
        file: 'C:\\Windows\\System32\\icacls.exe',
        args: [dataDir, '/setowner', '*S-1-5-32-544', '/T', '/C', '/L', '/Q'],
      },
      { file: 'C:\\Windows\\System32\\icacls.exe', args: [dataDir, '/reset', '/T', '/C', '/L', '/Q'] },
      {
        file: 'C:\\Windows\\System32\\icacls.exe',
        args: [
          dataDir,
          '/inheritance:r',
          '/grant:r',
          '*S-1-5-32-544:(OI)(CI)F',
          '*S-1-5-18:(OI)(CI)F',
          '*S-1-5-32-545:(OI)(CI)RX',
          '/T',
          '/C',
          '/L',
          '/Q',
        ],
      },
    ]);
  });

  it('stops the change with a plain message when the folder cannot be secured, and tries again next time', async () => {
    const target = windowsTarget(temp.fresh('denied'));
    const { calls, run } = recording(5);
    const guard = dataFolderGuard(target, run);
    await assert.rejects(guard(), (error: unknown) => {
      assert.ok(error instanceof TunerError);
      assert.equal(error.kind, 'not-permitted');
      assert.match(error.message, /administrators only: icacls exited with 5\. Nothing was changed\.$/);
      return true;
    });
    assert.equal(calls.length, 1, 'no later step runs after a failed one');
    await assert.rejects(guard());
    assert.equal(calls.length, 2, 'a failure is not remembered as the answer');
  });

  it('an icacls that cannot be started stops the change in words, never as something unexpected', async () => {
    const target = windowsTarget(temp.fresh('unstartable'));
    // What Windows' Node under Wine was seen to answer once for a program in System32.
    const run: ProcessRunner = async () => {
      throw Object.assign(new Error('spawn UNKNOWN'), { code: 'UNKNOWN' });
    };
    await assert.rejects(dataFolderGuard(target, run)(), (error: unknown) => {
      assert.ok(error instanceof TunerError);
      assert.equal(error.kind, 'not-permitted');
      assert.equal(
        error.message,
        `Could not make ${target.dataDir} writable by administrators only: C:\\Windows\\System32\\icacls.exe could not be started (UNKNOWN). Nothing was changed.`,
      );
      return true;
    });
  });

  it('leaves a folder named by TCP_PORT_TUNER_DATA_DIR as its chooser set it', async () => {
    const dataDir = temp.fresh('chosen');
    const { calls, run } = recording();
    await dataFolderGuard(
      resolveTarget({ SystemRoot: 'C:\\Windows', TCP_PORT_TUNER_DATA_DIR: dataDir }, 'win32'),
      run,
    )();
    assert.ok(existsSync(dataDir));
    assert.deepEqual(calls, []);
  });

  it('under Wine only makes the folder: there is no other user to keep out', async () => {
    const dataDir = temp.fresh('wine');
    const { calls, run } = recording();
    await dataFolderGuard(resolveTarget({ WINEPREFIX: temp.path, TCP_PORT_TUNER_DATA_DIR: dataDir }, 'linux'), run)();
    assert.ok(existsSync(dataDir));
    assert.deepEqual(calls, []);
  });

  it('a folder that cannot be made (a file stands in its way) is refused in words with the fix, before any icacls', async () => {
    const blocker = temp.fresh('blocker');
    await writeFile(blocker, '');
    const dataDir = path.join(blocker, 'data');
    const { calls, run } = recording();
    await assert.rejects(
      dataFolderGuard(resolveTarget({ SystemRoot: 'C:\\Windows', TCP_PORT_TUNER_DATA_DIR: dataDir }, 'win32'), run)(),
      (error: TunerError) => {
        assert.equal(error.kind, 'write-failed');
        assert.equal(
          error.message,
          `Cannot use the data folder ${dataDir}: a file stands where ${dataDir} or a folder above it should be. Nothing was changed. ` +
            'Move that file away (or rename it), or name a folder you can write in TCP_PORT_TUNER_DATA_DIR.',
        );
        return true;
      },
    );
    assert.deepEqual(calls, []);
  });
});
