import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { canWriteFolder, resolveTarget, system32Of } from '../../../../../electron/services/host/target';
import { tempFolder } from '../../../../helpers/temp-folder';

const LOADED = [
  'C:\\Program Files\\TCP Port Tuner\\TCP Port Tuner.exe',
  'D:\\WINDOWS\\SYSTEM32\\ntdll.dll',
  'D:\\WINDOWS\\System32\\KERNEL32.DLL',
];

describe('resolveTarget on Windows', () => {
  it('runs reg.exe by its full path in the System32 the loader took ntdll.dll from, whatever %SystemRoot% says', () => {
    const target = resolveTarget(
      { SystemRoot: 'C:\\Users\\Public\\evil', ProgramData: 'D:\\ProgramData' },
      'win32',
      () => LOADED,
    );
    assert.equal(target.host, 'windows');
    assert.equal(target.system32, 'D:\\WINDOWS\\SYSTEM32');
    assert.equal(target.regCommand.file, 'D:\\WINDOWS\\SYSTEM32\\reg.exe');
    assert.deepEqual(target.regCommand.leadingArgs, []);
    assert.equal(target.regCommand.missingMessage, 'reg.exe was not found in D:\\WINDOWS\\SYSTEM32.');
  });

  it('keeps journal and backups machine-wide in ProgramData, unless a folder is chosen', () => {
    const machine = resolveTarget({ ProgramData: 'D:\\ProgramData' }, 'win32', () => LOADED);
    assert.deepEqual([machine.dataDir, machine.dataDirChosen], ['D:\\ProgramData\\TCP Port Tuner', false]);
    assert.equal(resolveTarget({}, 'win32', () => LOADED).dataDir, 'C:\\ProgramData\\TCP Port Tuner');
    const chosen = resolveTarget({ TCP_PORT_TUNER_DATA_DIR: 'E:\\tuner' }, 'win32', () => LOADED);
    assert.deepEqual([chosen.dataDir, chosen.dataDirChosen], ['E:\\tuner', true]);
  });
});

describe('system32Of', () => {
  it('finds ntdll.dll whatever its letter case, and falls back to the usual System32 without it', () => {
    assert.equal(system32Of(['c:\\windows\\system32\\NTDLL.DLL']), 'c:\\windows\\system32');
    assert.equal(
      system32Of(['C:\\Windows\\System32\\ntdll.dll.bak', 'C:\\tools\\notntdll.dll']),
      'C:\\Windows\\System32',
    );
  });
});

describe('resolveTarget off Windows', () => {
  it("works on the Wine prefix's registry through wine reg.exe, quietly", () => {
    const target = resolveTarget({ WINEPREFIX: 'relative/prefix' }, 'linux');
    assert.equal(target.host, 'wine');
    assert.equal(target.winePrefix, path.resolve('relative/prefix'));
    assert.deepEqual([target.regCommand.file, target.regCommand.leadingArgs], ['wine', ['reg.exe']]);
    assert.equal(
      target.regCommand.env.WINEPREFIX,
      path.resolve('relative/prefix'),
      'reg.exe runs in the same prefix, wherever it is started',
    );
    assert.equal(target.regCommand.env.WINEDEBUG, '-all');
    assert.equal(
      resolveTarget({ WINEPREFIX: '/p', WINEDEBUG: 'warn+reg' }, 'linux').regCommand.env.WINEDEBUG,
      'warn+reg',
    );
    assert.match(target.regCommand.missingMessage, /^Wine is not installed\./);
  });

  it("keeps the data folder where Windows would, inside the prefix's drive C", () => {
    assert.equal(resolveTarget({ WINEPREFIX: '/p' }, 'linux').dataDir, '/p/drive_c/ProgramData/TCP Port Tuner');
  });

  it('runs a reg stand-in by itself when one is named, and says so when it cannot start', () => {
    const target = resolveTarget({ WINEPREFIX: '/p', TCP_PORT_TUNER_REG_COMMAND: '/tests/reg' }, 'linux');
    assert.deepEqual([target.regCommand.file, target.regCommand.leadingArgs], ['/tests/reg', []]);
    assert.equal(target.regCommand.missingMessage, 'The reg command /tests/reg could not be started.');
  });
});

describe('canWriteFolder', () => {
  const temp = tempFolder('target');

  it('is true for a folder this process may write, and for one not made yet below it', () => {
    assert.equal(canWriteFolder(temp.path), true);
    assert.equal(canWriteFolder(path.join(temp.fresh('later'), 'deeper')), true);
  });

  it('is false where a file stands in the way of the folder', async () => {
    const file = temp.fresh('file');
    await writeFile(file, 'x');
    assert.equal(canWriteFolder(path.join(file, 'data')), false);
  });
});
