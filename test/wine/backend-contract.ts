/**
 * What every RegistryBackend must do, checked against a real registry with reg.exe run by the
 * test itself. The Wine suite runs it on RegExeBackend; the Windows suite on RegeditBackend.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { beforeEach, describe, it } from 'node:test';
import type { RegistryBackend } from '../../electron/services/registry/backend';
import { freshPath } from '../helpers/temp-folder';
import { KEY, type RegTool } from '../helpers/wine-prefix';
import {
  deleteValue,
  ownSection,
  regExport,
  regQuery,
  resetValues,
  setValue,
  writeRegFile,
} from '../helpers/reg-checks';

export interface BackendUnderTest {
  backend: RegistryBackend;
  /** The independent reg.exe that arranges and checks the registry the backend works on. */
  tool: RegTool;
}

/** `subject` is called inside each test, after the caller's own `before` has made the registry. */
export function runBackendContract(
  label: string,
  subject: () => BackendUnderTest,
  options: { skip?: string } = {},
): void {
  const { skip } = options;

  describe(`${label}: RegistryBackend contract`, () => {
    beforeEach(async () => {
      if (!skip) await resetValues(subject().tool);
    });

    it('reads both settings as absent on a key where neither is set', { skip }, async () => {
      const { backend } = subject();
      assert.deepEqual(await backend.readValues(), {
        MaxUserPort: { present: false },
        TcpTimedWaitDelay: { present: false },
      });
    });

    it('reads DWORDs as their numbers', { skip }, async () => {
      const { backend, tool } = subject();
      await setValue(tool, 'MaxUserPort', 'REG_DWORD', 65534);
      await setValue(tool, 'TcpTimedWaitDelay', 'REG_DWORD', 30);
      assert.deepEqual(await backend.readValues(), {
        MaxUserPort: { present: true, type: 'REG_DWORD', data: 65534 },
        TcpTimedWaitDelay: { present: true, type: 'REG_DWORD', data: 30 },
      });
    });

    it('reports a value stored with the wrong type as that type, with its data', { skip }, async () => {
      const { backend, tool } = subject();
      await setValue(tool, 'MaxUserPort', 'REG_SZ', '65534');
      await setValue(tool, 'TcpTimedWaitDelay', 'REG_MULTI_SZ', ['30', '60']);
      assert.deepEqual(await backend.readValues(), {
        MaxUserPort: { present: true, type: 'REG_SZ', data: '65534' },
        TcpTimedWaitDelay: { present: true, type: 'REG_MULTI_SZ', data: ['30', '60'] },
      });
    });

    it('finds a setting whose stored name differs only in letter case, as Windows does', { skip }, async () => {
      const { backend, tool } = subject();
      await setValue(tool, 'maxuserport', 'REG_DWORD', 40000);
      assert.deepEqual((await backend.readValues()).MaxUserPort, { present: true, type: 'REG_DWORD', data: 40000 });
    });

    it('does not mistake a value with a longer name for a setting', { skip }, async () => {
      const { backend, tool } = subject();
      await setValue(tool, 'MaxUserPortBackup', 'REG_DWORD', 40000);
      try {
        assert.deepEqual((await backend.readValues()).MaxUserPort, { present: false });
      } finally {
        await deleteValue(tool, 'MaxUserPortBackup');
      }
    });

    it('setDword stores a REG_DWORD that reg query shows', { skip }, async () => {
      const { backend, tool } = subject();
      await backend.setDword('MaxUserPort', 65534);
      await backend.setDword('TcpTimedWaitDelay', 30);
      const values = await regQuery(tool);
      assert.deepEqual(values.MaxUserPort, { type: 'REG_DWORD', data: '0xfffe' });
      assert.deepEqual(values.TcpTimedWaitDelay, { type: 'REG_DWORD', data: '0x1e' });
    });

    it('setDword replaces a value of the wrong type with a REG_DWORD', { skip }, async () => {
      const { backend, tool } = subject();
      await setValue(tool, 'MaxUserPort', 'REG_SZ', 'sixty thousand');
      await backend.setDword('MaxUserPort', 60000);
      assert.deepEqual((await regQuery(tool)).MaxUserPort, { type: 'REG_DWORD', data: '0xea60' });
    });

    it('setDword and deleteValue leave every other value of the key as it was', { skip }, async () => {
      const { backend, tool } = subject();
      const before = ownSection(await regExport(tool));
      await backend.setDword('MaxUserPort', 65534);
      const written = ownSection(await regExport(tool));
      assert.ok(written.includes('"MaxUserPort"=dword:0000fffe'));
      const others = (lines: string[]) => lines.filter((line) => !line.startsWith('"MaxUserPort"='));
      assert.deepEqual(others(written), others(before));
      await backend.deleteValue('MaxUserPort');
      assert.deepEqual(ownSection(await regExport(tool)), before);
    });

    it('deleteValue removes the value', { skip }, async () => {
      const { backend, tool } = subject();
      await setValue(tool, 'TcpTimedWaitDelay', 'REG_DWORD', 30);
      await backend.deleteValue('TcpTimedWaitDelay');
      assert.equal((await regQuery(tool)).TcpTimedWaitDelay, undefined);
    });

    it('exportKey writes a UTF-16LE .reg file that holds the key and its values', { skip }, async () => {
      const { backend, tool } = subject();
      await setValue(tool, 'MaxUserPort', 'REG_DWORD', 65534);
      await setValue(tool, 'TcpTimedWaitDelay', 'REG_SZ', '30');
      const file = `${freshPath(tool.scratch, 'backend-export')}.reg`;
      await backend.exportKey(file);
      const bytes = await readFile(file);
      assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe], 'the file starts with the UTF-16LE byte-order mark');
      const lines = bytes.subarray(2).toString('utf16le').split('\r\n');
      assert.equal(lines[0], 'Windows Registry Editor Version 5.00');
      assert.ok(lines.includes(`[${KEY}]`), 'the file holds the Parameters key');
      assert.ok(lines.includes('"MaxUserPort"=dword:0000fffe'));
      assert.ok(lines.includes('"TcpTimedWaitDelay"="30"'));
    });

    it('importFile applies a .reg file: sets one value and deletes another', { skip }, async () => {
      const { backend, tool } = subject();
      await setValue(tool, 'TcpTimedWaitDelay', 'REG_DWORD', 30);
      const file = `${freshPath(tool.scratch, 'backend-import')}.reg`;
      await writeRegFile(file, [`[${KEY}]`, '"MaxUserPort"=dword:0000c350', '"TcpTimedWaitDelay"=-']);
      await backend.importFile(file);
      const values = await regQuery(tool);
      assert.deepEqual(values.MaxUserPort, { type: 'REG_DWORD', data: '0xc350' });
      assert.equal(values.TcpTimedWaitDelay, undefined);
    });
  });
}
