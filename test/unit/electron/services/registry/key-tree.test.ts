/**
 * A backup must hold the whole key: an export is compared with `reg query KEY /s` subkey by
 * subkey and value by value. Output as Wine's and a German Windows' reg.exe print it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  settingsOfTree,
  treeDifferences,
  treeOfRegFile,
  treeOfRegQuery,
} from '../../../../../electron/services/registry/key-tree';
import { parseRegFile } from '../../../../../electron/services/registry/reg-file';

const KEY = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters';
const QUERY = [
  '',
  KEY,
  '    (Standard)    REG_SZ    (Wert nicht festgelegt)',
  '    Hostname    REG_SZ    db-01',
  '    MaxUserPort    REG_DWORD    0xfffe',
  '',
  `${KEY}\\Interfaces\\{abc}`,
  '    DhcpServer    REG_BINARY    0A000001',
  '    Lease    REG_DWORD    0xe10',
  '    NameServers    REG_MULTI_SZ    a\\0b',
  '',
].join('\r\n');
const EXPORT = [
  'Windows Registry Editor Version 5.00',
  '',
  `[${KEY}]`,
  '"Hostname"="db-01"',
  '"MaxUserPort"=dword:0000fffe',
  '',
  `[${KEY}\\Interfaces\\{abc}]`,
  '@="set here only"',
  '"DhcpServer"=hex:0a,00,00,01',
  '"Lease"=dword:00000e10',
  '"NameServers"=hex(7):61,00,00,00,62,00,00,00,00,00',
  '',
].join('\r\n');

const exported = (text: string) => treeOfRegFile(parseRegFile(text)!);

describe('key-tree: the whole key against its export', () => {
  it('a whole export matches, the unnamed value left out on both sides (its name is in the display language)', () => {
    assert.deepEqual(treeDifferences(exported(EXPORT), treeOfRegQuery(QUERY)), []);
  });

  it('an export cut off after the two values misses the subkey, and says which', () => {
    const cut = EXPORT.slice(0, EXPORT.indexOf(`[${KEY}\\Interfaces`));
    assert.deepEqual(treeDifferences(exported(cut), treeOfRegQuery(QUERY)), [
      `the subkey ${KEY.toLowerCase()}\\interfaces\\{abc} is missing`,
    ]);
  });

  it('a value cut short, a DWORD or binary that differs, or one the key does not have, is named', () => {
    const edited = EXPORT.replace('"Lease"=dword:00000e10', '"Lease"=dword:00000e11')
      .replace('hex:0a,00,00,01', 'hex:0a,00')
      .replace('"Hostname"="db-01"', '"Hostname"="db-01"\r\n"Extra"=dword:00000001');
    assert.deepEqual(treeDifferences(exported(edited), treeOfRegQuery(QUERY)).sort(), [
      `dhcpserver under ${KEY.toLowerCase()}\\interfaces\\{abc} differs`,
      `extra under ${KEY.toLowerCase()} is not in the key`,
      `lease under ${KEY.toLowerCase()}\\interfaces\\{abc} differs`,
    ]);
  });

  it("reads both settings from the key's own lines, not a subkey's: the one reg query /s a backup's check needs", () => {
    const query = QUERY.replace(
      '    Lease    REG_DWORD    0xe10',
      '    Lease    REG_DWORD    0xe10\r\n    TcpTimedWaitDelay    REG_DWORD    0x1e',
    );
    assert.deepEqual(settingsOfTree(treeOfRegQuery(query)), {
      MaxUserPort: { present: true, type: 'REG_DWORD', data: 65534 },
      TcpTimedWaitDelay: { present: false },
    });
    const asText = QUERY.replace('MaxUserPort    REG_DWORD    0xfffe', 'maxuserport    REG_SZ    65534');
    assert.deepEqual(
      settingsOfTree(treeOfRegQuery(asText)).MaxUserPort,
      { present: true, type: 'REG_SZ' },
      'found whatever its case, and a string is only its type',
    );
  });
});
