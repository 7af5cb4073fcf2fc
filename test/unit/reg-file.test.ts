import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildRegFile,
  decodePayload,
  decodeRegFile,
  dwordPayload,
  encodeRegFile,
  parseRegFile,
  valuesOfKey,
} from '../../electron/services/registry/reg-file';
import { TunerError } from '../../electron/services/errors';
import { differingSettings, isPayload, valueStateOf, valueStatesOf, restoreFileFor, snapshotOf, type Snapshot } from '../../electron/services/registry/snapshot';

const KEY = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters';

/** What Wine 8's `reg export` wrote for the Parameters key after `reg add` of odd values. */
const WINE_EXPORT = [
  'Windows Registry Editor Version 5.00',
  '',
  `[${KEY}]`,
  '"A \\"quoted\\\\ name"="say \\"hi\\" \\\\ there"',
  '"A_bin"=hex:01,02,ff',
  '"A_exp"=hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,74,\\',
  '  00,25,00,5c,00,78,00,00,00',
  '"A_multi"=hex(7):61,00,00,00,62,00,00,00,00,00',
  '"A_none"=hex(0):7a,00,7a,00,00,00',
  '"A_q"=hex(b):14,1a,99,be,1c,00,00,00',
  '"DataBasePath"="C:\\\\windows\\\\system32\\\\drivers\\\\etc"',
  '"Domain"=""',
  '"Hostname"="vm"',
  '"MaxUserPort"="65534"',
  '"tcptimedwaitdelay"=dword:0000001e',
  '',
  '',
].join('\r\n');

/** UTF-16LE text as a byte list, for payloads that store strings. */
const utf16Hex = (text: string) => [...Buffer.from(`${text}\0`, 'utf16le')].map((byte) => byte.toString(16).padStart(2, '0')).join(',');

describe('.reg file text', () => {
  it('decodes UTF-16LE with a byte-order mark, as reg export writes it', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(WINE_EXPORT, 'utf16le')]);
    assert.equal(decodeRegFile(bytes), WINE_EXPORT);
  });

  it('decodes UTF-8 with or without a byte-order mark, as older tools wrote it', () => {
    assert.equal(decodeRegFile(Buffer.from(`\uFEFF${WINE_EXPORT}`, 'utf8')), WINE_EXPORT);
    assert.equal(decodeRegFile(Buffer.from(WINE_EXPORT, 'utf8')), WINE_EXPORT);
  });

  it('encodes to UTF-16LE with a byte-order mark and decodes back unchanged, beyond ASCII too', () => {
    const text = `${WINE_EXPORT}"Größe ✓"="Ünïcødé"\r\n`;
    const bytes = encodeRegFile(text);
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(bytes.subarray(2).toString('utf16le'), text);
    assert.equal(decodeRegFile(bytes), text);
  });
});

describe('parseRegFile', () => {
  it('reads every value of a real Wine export, names and payloads unescaped only where they must be', () => {
    const parsed = parseRegFile(WINE_EXPORT);
    assert.ok(parsed);
    assert.deepEqual([...parsed.keys.keys()], [KEY]);
    assert.deepEqual(
      Object.fromEntries(parsed.keys.get(KEY) ?? []),
      {
        'A "quoted\\ name': '"say \\"hi\\" \\\\ there"',
        A_bin: 'hex:01,02,ff',
        A_exp: 'hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,74,00,25,00,5c,00,78,00,00,00',
        A_multi: 'hex(7):61,00,00,00,62,00,00,00,00,00',
        A_none: 'hex(0):7a,00,7a,00,00,00',
        A_q: 'hex(b):14,1a,99,be,1c,00,00,00',
        DataBasePath: '"C:\\\\windows\\\\system32\\\\drivers\\\\etc"',
        Domain: '""',
        Hostname: '"vm"',
        MaxUserPort: '"65534"',
        tcptimedwaitdelay: 'dword:0000001e',
      },
    );
  });

  it('joins a payload continued over lines whatever the line ends, and spells hex one way', () => {
    const parsed = parseRegFile(
      ['Windows Registry Editor Version 5.00', '', `[${KEY}]`, '"MaxUserPort"=hex(7):36,00,\\', '    35,00,\\', '  00,00', '"X"=DWORD:0000FFFE', ''].join('\n'),
    );
    assert.deepEqual(Object.fromEntries(parsed?.keys.get(KEY) ?? []), { MaxUserPort: 'hex(7):36,00,35,00,00,00', X: 'dword:0000fffe' });
  });

  it('keeps the default value, a deletion and several keys apart', () => {
    const parsed = parseRegFile(
      ['Windows Registry Editor Version 5.00', '', `[${KEY}]`, '@="default"', '"MaxUserPort"=-', '', `[${KEY}\\Interfaces]`, '"MaxUserPort"=dword:00000001', ''].join(
        '\r\n',
      ),
    );
    assert.deepEqual(Object.fromEntries(parsed?.keys.get(KEY) ?? []), { '': '"default"', MaxUserPort: '-' });
    assert.deepEqual(Object.fromEntries(parsed?.keys.get(`${KEY}\\Interfaces`) ?? []), { MaxUserPort: 'dword:00000001' });
  });

  it('adds the values of a key that appears twice to the same key, later lines winning, as import does', () => {
    const parsed = parseRegFile(`${WINE_EXPORT}[${KEY}]\r\n"Domain"=-\r\n"Extra"=dword:00000001\r\n`);
    const values = parsed?.keys.get(KEY);
    assert.equal(values?.get('Domain'), '-');
    assert.equal(values?.get('Extra'), 'dword:00000001');
    assert.equal(values?.get('MaxUserPort'), '"65534"', 'the first section is kept');
  });

  it('is null for text that is not a registry file, so a bad backup is never taken for a good one', () => {
    assert.equal(parseRegFile(''), null);
    assert.equal(parseRegFile('REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\X]\r\n'), null);
    assert.equal(parseRegFile('<html>Error</html>'), null);
  });

  it('finds a key regardless of letter case, as Windows does', () => {
    const parsed = parseRegFile(WINE_EXPORT.replace(KEY, KEY.toUpperCase()));
    assert.ok(parsed);
    assert.equal(valuesOfKey(parsed, KEY)?.get('MaxUserPort'), '"65534"');
    assert.equal(valuesOfKey(parsed, `${KEY}\\Interfaces`), null);
  });
});

describe('decodePayload', () => {
  const cases: [payload: string, expected: ReturnType<typeof decodePayload>][] = [
    ['"65534"', { present: true, type: 'REG_SZ', data: '65534' }],
    ['"say \\"hi\\" \\\\ there"', { present: true, type: 'REG_SZ', data: 'say "hi" \\ there' }],
    ['""', { present: true, type: 'REG_SZ', data: '' }],
    ['dword:0000fffe', { present: true, type: 'REG_DWORD', data: 65534 }],
    ['dword:ffffffff', { present: true, type: 'REG_DWORD', data: 4294967295 }],
    ['hex:01,02,ff', { present: true, type: 'REG_BINARY', data: '0102ff' }],
    ['hex:', { present: true, type: 'REG_BINARY', data: '' }],
    ['hex(0):7a,00,7a,00,00,00', { present: true, type: 'REG_NONE', data: '7a007a000000' }],
    [`hex(1):${utf16Hex('65534')}`, { present: true, type: 'REG_SZ', data: '65534' }],
    [`hex(2):${utf16Hex('%SystemRoot%\\x')}`, { present: true, type: 'REG_EXPAND_SZ', data: '%SystemRoot%\\x' }],
    ['hex(3):de,ad', { present: true, type: 'REG_BINARY', data: 'dead' }],
    ['hex(4):fe,ff,00,00', { present: true, type: 'REG_DWORD', data: 65534 }],
    ['hex(4):fe,ff', { present: true, type: 'REG_DWORD', data: 'feff' }],
    ['hex(5):00,00,ff,fe', { present: true, type: 'REG_DWORD_BIG_ENDIAN', data: '0000fffe' }],
    [`hex(6):${utf16Hex('\\Registry\\Machine\\X')}`, { present: true, type: 'REG_LINK', data: '\\Registry\\Machine\\X' }],
    ['hex(7):61,00,00,00,62,00,00,00,00,00', { present: true, type: 'REG_MULTI_SZ', data: ['a', 'b'] }],
    ['hex(7):00,00', { present: true, type: 'REG_MULTI_SZ', data: [] }],
    ['hex(8):01', { present: true, type: 'REG_RESOURCE_LIST', data: '01' }],
    ['hex(9):02', { present: true, type: 'REG_FULL_RESOURCE_DESCRIPTOR', data: '02' }],
    ['hex(a):03', { present: true, type: 'REG_RESOURCE_REQUIREMENTS_LIST', data: '03' }],
    ['hex(b):14,1a,99,be,1c,00,00,00', { present: true, type: 'REG_QWORD', data: '123456789012' }],
    ['hex(b):ff,ff,ff,ff,ff,ff,ff,ff', { present: true, type: 'REG_QWORD', data: '18446744073709551615' }],
    ['hex(b):01,02', { present: true, type: 'REG_QWORD', data: '0102' }],
    ['-', null],
    ['hex(c):00', null],
    ['dword:123456789', null],
    ['sixty thousand', null],
  ];
  for (const [payload, expected] of cases) {
    it(payload.length > 40 ? `${payload.slice(0, 40)}…` : payload, () => {
      assert.deepEqual(decodePayload(payload), expected);
    });
  }
});

describe('writing .reg files', () => {
  it('spells a DWORD as reg export does: eight lowercase hex digits', () => {
    assert.equal(dwordPayload(65534), 'dword:0000fffe');
    assert.equal(dwordPayload(30), 'dword:0000001e');
    assert.equal(dwordPayload(0xffffffff), 'dword:ffffffff');
  });

  it('builds a UTF-16LE file that sets, deletes and escapes names, and reads back the same', () => {
    const bytes = buildRegFile(KEY, [
      ['MaxUserPort', 'dword:0000fffe'],
      ['TcpTimedWaitDelay', null],
      ['A "quoted\\ name', '"say \\"hi\\""'],
    ]);
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    const text = decodeRegFile(bytes);
    assert.equal(
      text,
      ['Windows Registry Editor Version 5.00', '', `[${KEY}]`, '"MaxUserPort"=dword:0000fffe', '"TcpTimedWaitDelay"=-', '"A \\"quoted\\\\ name"="say \\"hi\\""', '', ''].join(
        '\r\n',
      ),
    );
    assert.deepEqual(Object.fromEntries(parseRegFile(text)?.keys.get(KEY) ?? []), {
      MaxUserPort: 'dword:0000fffe',
      TcpTimedWaitDelay: '-',
      'A "quoted\\ name': '"say \\"hi\\""',
    });
  });
});

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
    assert.deepEqual(valueStatesOf({ MaxUserPort: { present: true, payload: '"65534"' }, TcpTimedWaitDelay: { present: false } }), {
      MaxUserPort: { present: true, type: 'REG_SZ', data: '65534' },
      TcpTimedWaitDelay: { present: false },
    });
    assert.deepEqual(valueStateOf({ present: true, payload: 'hex(c):00' }), { present: true, type: 'REG_NONE' });
  });

  it('tells which settings differ, by presence or by exact payload', () => {
    const base: Snapshot = { MaxUserPort: { present: true, payload: 'dword:0000fffe' }, TcpTimedWaitDelay: { present: false } };
    assert.deepEqual(differingSettings(base, structuredClone(base)), []);
    assert.deepEqual(differingSettings(base, { ...base, MaxUserPort: { present: true, payload: '"65534"' } }), ['MaxUserPort']);
    assert.deepEqual(differingSettings(base, { MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: true, payload: 'dword:0000001e' } }), [
      'MaxUserPort',
      'TcpTimedWaitDelay',
    ]);
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
      MaxUserPort: { present: true, payload: `dword:0000fffe\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run]\r\n"x"="evil.exe"` },
      TcpTimedWaitDelay: { present: false },
    };
    assert.throws(
      () => restoreFileFor(smuggled),
      (error: TunerError) => error.kind === 'unexpected' && error.message === 'Refused to restore MaxUserPort: its saved data is malformed.',
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
