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
} from '../../../../../electron/services/registry/reg-file';
import { KEY, WINE_EXPORT } from '../../../../helpers/wine-export-sample';

/** UTF-16LE text as a byte list, for payloads that store strings. */
const utf16Hex = (text: string) =>
  [...Buffer.from(`${text}\0`, 'utf16le')].map((byte) => byte.toString(16).padStart(2, '0')).join(',');

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
    assert.deepEqual(Object.fromEntries(parsed.keys.get(KEY) ?? []), {
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
    });
  });

  it('joins a payload continued over lines whatever the line ends, and spells hex one way', () => {
    const parsed = parseRegFile(
      [
        'Windows Registry Editor Version 5.00',
        '',
        `[${KEY}]`,
        '"MaxUserPort"=hex(7):36,00,\\',
        '    35,00,\\',
        '  00,00',
        '"X"=DWORD:0000FFFE',
        '',
      ].join('\n'),
    );
    assert.deepEqual(Object.fromEntries(parsed?.keys.get(KEY) ?? []), {
      MaxUserPort: 'hex(7):36,00,35,00,00,00',
      X: 'dword:0000fffe',
    });
  });

  it('keeps the default value, a deletion and several keys apart', () => {
    const parsed = parseRegFile(
      [
        'Windows Registry Editor Version 5.00',
        '',
        `[${KEY}]`,
        '@="default"',
        '"MaxUserPort"=-',
        '',
        `[${KEY}\\Interfaces]`,
        '"MaxUserPort"=dword:00000001',
        '',
      ].join('\r\n'),
    );
    assert.deepEqual(Object.fromEntries(parsed?.keys.get(KEY) ?? []), { '': '"default"', MaxUserPort: '-' });
    assert.deepEqual(Object.fromEntries(parsed?.keys.get(`${KEY}\\Interfaces`) ?? []), {
      MaxUserPort: 'dword:00000001',
    });
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
    [
      `hex(6):${utf16Hex('\\Registry\\Machine\\X')}`,
      { present: true, type: 'REG_LINK', data: '\\Registry\\Machine\\X' },
    ],
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
      [
        'Windows Registry Editor Version 5.00',
        '',
        `[${KEY}]`,
        '"MaxUserPort"=dword:0000fffe',
        '"TcpTimedWaitDelay"=-',
        '"A \\"quoted\\\\ name"="say \\"hi\\""',
        '',
        '',
      ].join('\r\n'),
    );
    assert.deepEqual(Object.fromEntries(parseRegFile(text)?.keys.get(KEY) ?? []), {
      MaxUserPort: 'dword:0000fffe',
      TcpTimedWaitDelay: '-',
      'A "quoted\\ name': '"say \\"hi\\""',
    });
  });
});
