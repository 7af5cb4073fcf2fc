import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TunerError } from '../../../../../electron/services/errors';
import { decodeRegFile, parseRegFile } from '../../../../../electron/services/registry/reg-file';
import {
  differingSettings,
  isPayload,
  valueStateOf,
  valueStatesOf,
  restoreFileFor,
  snapshotOf,
  type Snapshot,
} from '../../../../../electron/services/registry/snapshot';
import { KEY, WINE_EXPORT } from '../../../../helpers/wine-export-sample';

describe('snapshots of the two settings', () => {
  const exported = parseRegFile(WINE_EXPORT);
  assert.ok(exported);

  it('takes each setting exactly as the export holds it, whatever the letter case of its name', () => {
    assert.deepEqual(snapshotOf(exported), {
      MaxUserPort: { present: true, payload: '"65534"' },
      TcpTimedWaitDelay: { present: true, payload: 'dword:0000001e' },
    });
  });

  it('marks a setting a file deletes with "=-" as absent, as it is once the file is imported', () => {
    const deleting = parseRegFile(`${WINE_EXPORT}[${KEY}]\r\n"MaxUserPort"=-\r\n`);
    assert.ok(deleting);
    assert.deepEqual(snapshotOf(deleting)?.MaxUserPort, { present: false });
  });

  it('marks a setting the export lacks as absent, and an export without the key as no snapshot', () => {
    const without = parseRegFile(WINE_EXPORT.replace(/^"MaxUserPort".*\r\n/m, ''));
    assert.ok(without);
    assert.deepEqual(snapshotOf(without)?.MaxUserPort, { present: false });
    const otherKey = parseRegFile(WINE_EXPORT.replace(KEY, `${KEY}\\Interfaces`));
    assert.ok(otherKey);
    assert.equal(snapshotOf(otherKey), null);
  });

  it('reports values as the user sees them, and an unreadable payload as present with unknown data', () => {
    assert.deepEqual(
      valueStatesOf({ MaxUserPort: { present: true, payload: '"65534"' }, TcpTimedWaitDelay: { present: false } }),
      {
        MaxUserPort: { present: true, type: 'REG_SZ', data: '65534' },
        TcpTimedWaitDelay: { present: false },
      },
    );
    assert.deepEqual(valueStateOf({ present: true, payload: 'hex(c):00' }), { present: true, type: 'REG_NONE' });
  });

  it('tells which settings differ, by presence or by exact payload', () => {
    const base: Snapshot = {
      MaxUserPort: { present: true, payload: 'dword:0000fffe' },
      TcpTimedWaitDelay: { present: false },
    };
    assert.deepEqual(differingSettings(base, structuredClone(base)), []);
    assert.deepEqual(differingSettings(base, { ...base, MaxUserPort: { present: true, payload: '"65534"' } }), [
      'MaxUserPort',
    ]);
    assert.deepEqual(
      differingSettings(base, {
        MaxUserPort: { present: false },
        TcpTimedWaitDelay: { present: true, payload: 'dword:0000001e' },
      }),
      ['MaxUserPort', 'TcpTimedWaitDelay'],
    );
  });

  it('builds a restore file that writes present payloads back verbatim and deletes absent settings', () => {
    const restore = restoreFileFor({
      MaxUserPort: { present: true, payload: 'hex(7):36,00,35,00,35,00,33,00,34,00,00,00,00,00' },
      TcpTimedWaitDelay: { present: false },
    });
    assert.deepEqual(Object.fromEntries(parseRegFile(decodeRegFile(restore))?.keys.get(KEY) ?? []), {
      MaxUserPort: 'hex(7):36,00,35,00,35,00,33,00,34,00,00,00,00,00',
      TcpTimedWaitDelay: '-',
    });
  });

  it('refuses to build a restore file from a saved payload that could carry more than one value', () => {
    const smuggled: Snapshot = {
      MaxUserPort: {
        present: true,
        payload: `dword:0000fffe\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run]\r\n"x"="evil.exe"`,
      },
      TcpTimedWaitDelay: { present: false },
    };
    assert.throws(
      () => restoreFileFor(smuggled),
      (error: TunerError) =>
        error.kind === 'unexpected' && error.message === 'Refused to restore MaxUserPort: its saved data is malformed.',
    );
  });
});

describe('isPayload', () => {
  it('accepts every payload spelling reg export uses for one value', () => {
    const exportedPayloads = [
      ...(parseRegFile(WINE_EXPORT)?.keys.get(KEY)?.values() ?? []),
      'dword:0000fffe',
      'hex:',
      'hex(7):00,00',
      String.raw`"C:\\path with \"quotes\""`,
    ];
    assert.equal(exportedPayloads.length, 15, 'all eleven values of the Wine export are among them');
    for (const payload of exportedPayloads) assert.equal(isPayload(payload), true, payload);
  });

  it('refuses line breaks, deletions, loose quotes and hex or dwords spelt other ways', () => {
    const refused = [
      '"a"\r\n[HKEY_LOCAL_MACHINE\\X]',
      '"a\nb"',
      '-',
      '"unterminated',
      '"a"b"',
      'dword:fffe',
      'dword:0000FFFE',
      'hex:1,2',
      'hex:01,',
      'hex(100):01',
      '',
    ];
    for (const payload of refused) assert.equal(isPayload(payload), false, JSON.stringify(payload));
  });
});
