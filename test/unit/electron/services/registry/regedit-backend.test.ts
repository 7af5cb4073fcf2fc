import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TunerError } from '../../../../../electron/services/errors';
import path from 'node:path';
import { RegeditBackend, useScriptFolder } from '../../../../../electron/services/registry/regedit-backend';
import { fakeRegedit, fakeRegExe, type Listed } from '../../../../helpers/fake-regedit';

const KEY = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters';

const withValues = (values: Listed[string]['values']): Listed => ({ [KEY]: { exists: true, values } });
const withCode = (message: string, code: number) => Object.assign(new Error(message), { code });

describe('RegeditBackend', () => {
  it('lists the Parameters key and maps what regedit returns to the values the product reports', async () => {
    const { module, calls } = fakeRegedit({
      listed: withValues({
        MaxUserPort: { type: 'REG_DWORD', value: 65534 },
        TcpTimedWaitDelay: { type: 'REG_SZ', value: '30' },
        Hostname: { type: 'REG_SZ', value: 'SQL-01' },
      }),
    });
    const backend = new RegeditBackend(module, fakeRegExe().regExe);
    assert.deepEqual(await backend.readValues(), {
      MaxUserPort: { present: true, type: 'REG_DWORD', data: 65534 },
      TcpTimedWaitDelay: { present: true, type: 'REG_SZ', data: '30' },
    });
    assert.deepEqual(calls, [['list', [KEY]]]);
  });

  const mappings: [what: string, listed: { type: string; value: unknown }, reported: unknown][] = [
    [
      'REG_BINARY bytes as lowercase hex',
      { type: 'REG_BINARY', value: [0xfe, 0xff, 0, 0] },
      { present: true, type: 'REG_BINARY', data: 'feff0000' },
    ],
    [
      'REG_MULTI_SZ as its list',
      { type: 'REG_MULTI_SZ', value: ['65534', '60000'] },
      { present: true, type: 'REG_MULTI_SZ', data: ['65534', '60000'] },
    ],
    [
      'REG_EXPAND_SZ as its unexpanded text',
      { type: 'REG_EXPAND_SZ', value: '%PORT%' },
      { present: true, type: 'REG_EXPAND_SZ', data: '%PORT%' },
    ],
    [
      'REG_QWORD as a decimal string',
      { type: 'REG_QWORD', value: 65534 },
      { present: true, type: 'REG_QWORD', data: '65534' },
    ],
    [
      'a type regedit names but reg.exe does not as REG_NONE',
      { type: 'REG_DEFAULT', value: 'x' },
      { present: true, type: 'REG_NONE', data: 'x' },
    ],
    [
      'data of no known shape as present with unknown data',
      { type: 'REG_DWORD', value: null },
      { present: true, type: 'REG_DWORD' },
    ],
  ];
  for (const [what, listed, reported] of mappings) {
    it(`reports ${what}`, async () => {
      const backend = new RegeditBackend(
        fakeRegedit({ listed: withValues({ MaxUserPort: listed }) }).module,
        fakeRegExe().regExe,
      );
      assert.deepEqual((await backend.readValues()).MaxUserPort, reported);
    });
  }

  it('finds a setting stored under another letter case, and reports absent ones as absent', async () => {
    const backend = new RegeditBackend(
      fakeRegedit({ listed: withValues({ maxuserport: { type: 'REG_DWORD', value: 5000 } }) }).module,
      fakeRegExe().regExe,
    );
    assert.deepEqual(await backend.readValues(), {
      MaxUserPort: { present: true, type: 'REG_DWORD', data: 5000 },
      TcpTimedWaitDelay: { present: false },
    });
  });

  it('reports both absent when regedit returns nothing for the key', async () => {
    const backend = new RegeditBackend(fakeRegedit({ listed: {} }).module, fakeRegExe().regExe);
    assert.deepEqual(await backend.readValues(), {
      MaxUserPort: { present: false },
      TcpTimedWaitDelay: { present: false },
    });
  });

  it('writes a REG_DWORD through putValue keyed by the Parameters key and the value name', async () => {
    const { module, calls } = fakeRegedit();
    await new RegeditBackend(module, fakeRegExe().regExe).setDword('TcpTimedWaitDelay', 30);
    assert.deepEqual(calls, [['putValue', { [KEY]: { TcpTimedWaitDelay: { type: 'REG_DWORD', value: 30 } } }]]);
  });

  it('deletes through deleteValue with the value name appended to the key path', async () => {
    const { module, calls } = fakeRegedit();
    await new RegeditBackend(module, fakeRegExe().regExe).deleteValue('MaxUserPort');
    assert.deepEqual(calls, [['deleteValue', [`${KEY}\\MaxUserPort`]]]);
  });

  it('turns access denied (code 5) from every operation into not-permitted', async () => {
    const backend = new RegeditBackend(
      fakeRegedit({ failure: withCode('access is denied', 5) }).module,
      fakeRegExe().regExe,
    );
    const operations: [string, () => Promise<unknown>][] = [
      ['read the registry key', () => backend.readValues()],
      ['write MaxUserPort', () => backend.setDword('MaxUserPort', 65534)],
      ['delete TcpTimedWaitDelay', () => backend.deleteValue('TcpTimedWaitDelay')],
    ];
    for (const [what, operation] of operations) {
      await assert.rejects(operation(), (error: TunerError) => {
        assert.ok(error instanceof TunerError);
        assert.equal(error.kind, 'not-permitted');
        assert.equal(error.message, `Could not ${what}: access is denied. Run as administrator.`);
        return true;
      });
    }
  });

  it("turns any other regedit failure into registry-failed with regedit's words", async () => {
    const backend = new RegeditBackend(
      fakeRegedit({ failure: withCode('wbemErrFailed', 2147749889) }).module,
      fakeRegExe().regExe,
    );
    await assert.rejects(backend.setDword('MaxUserPort', 65534), (error: TunerError) => {
      assert.equal(error.kind, 'registry-failed');
      assert.equal(error.message, 'Could not write MaxUserPort: wbemErrFailed.');
      return true;
    });
  });

  it('lets "Windows Script Host cannot run" through untouched, so the fallback can see it', async () => {
    const gone = new Error('cscript not found');
    const backend = new RegeditBackend(fakeRegedit({ failure: gone }).module, fakeRegExe().regExe);
    await assert.rejects(backend.readValues(), (error) => error === gone);
  });

  it('leaves .reg export and import to reg.exe, which regedit cannot do', async () => {
    const { module, calls } = fakeRegedit();
    const regExe = fakeRegExe();
    const backend = new RegeditBackend(module, regExe.regExe);
    await backend.exportKey('C:\\backups\\a.reg');
    await backend.importFile('C:\\scratch\\b.reg');
    assert.deepEqual(regExe.calls, ['export C:\\backups\\a.reg', 'import C:\\scratch\\b.reg']);
    assert.deepEqual(calls, []);
    assert.equal(backend.name, 'regedit');
  });
});

describe('the regedit package outside app.asar', () => {
  it('is used only when its VBScript folder is there; regedit says "Folder not found" instead of throwing', async () => {
    const regedit = await import('regedit');
    assert.equal(useScriptFolder(regedit, path.join(__dirname, 'no-such-folder')), false);
    assert.equal(useScriptFolder(regedit, path.resolve(__dirname, '../../../../../node_modules/regedit/vbs')), true);
  });
});
