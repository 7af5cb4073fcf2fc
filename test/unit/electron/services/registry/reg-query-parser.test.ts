import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRegQuery } from '../../../../../electron/services/registry/reg-query-parser';

/** `reg query` prints a blank line, the key, four-space-indented values, and CRLF line ends. */
const output = (...values: string[]) =>
  [
    '',
    'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters',
    ...values.map((line) => `    ${line}`),
    '',
    '',
  ].join('\r\n');

const ABSENT = { present: false };

describe('parseRegQuery', () => {
  it('reads a real Windows Server output with both values set, subkeys listed after them', () => {
    const windows = [
      '',
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters',
      '    NV Hostname    REG_SZ    SQL-01',
      '    DataBasePath    REG_EXPAND_SZ    %SystemRoot%\\System32\\drivers\\etc',
      '    NameServer    REG_SZ    ',
      '    ForwardBroadcasts    REG_DWORD    0x0',
      '    MaxUserPort    REG_DWORD    0xfffe',
      '    TcpTimedWaitDelay    REG_DWORD    0x1e',
      '',
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\\Adapters',
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\\Interfaces',
      '',
    ].join('\r\n');
    assert.deepEqual(parseRegQuery(windows), {
      MaxUserPort: { present: true, type: 'REG_DWORD', data: 65534 },
      TcpTimedWaitDelay: { present: true, type: 'REG_DWORD', data: 30 },
    });
  });

  it("reads Wine's output, where neither value exists", () => {
    const wine = output(
      'DataBasePath    REG_SZ    C:\\windows\\system32\\drivers\\etc',
      'Domain    REG_SZ    ',
      'Hostname    REG_SZ    vm',
    );
    assert.deepEqual(parseRegQuery(wine), { MaxUserPort: ABSENT, TcpTimedWaitDelay: ABSENT });
  });

  it('reads LF-only output the same as CRLF', () => {
    const lf = output('MaxUserPort    REG_DWORD    0x1388').replace(/\r\n/g, '\n');
    assert.deepEqual(parseRegQuery(lf).MaxUserPort, { present: true, type: 'REG_DWORD', data: 5000 });
  });

  it('does not take the (Default) value or a value with a longer name for a setting', () => {
    const text = output(
      '(Default)    REG_SZ    MaxUserPort',
      'MaxUserPortOld    REG_DWORD    0x1388',
      'OldTcpTimedWaitDelay    REG_DWORD    0x78',
    );
    assert.deepEqual(parseRegQuery(text), { MaxUserPort: ABSENT, TcpTimedWaitDelay: ABSENT });
  });

  it('finds a value whose name is stored in other letter case', () => {
    const text = output('maxuserport    REG_DWORD    0xc350', 'TCPTIMEDWAITDELAY    REG_DWORD    0x3c');
    assert.deepEqual(parseRegQuery(text), {
      MaxUserPort: { present: true, type: 'REG_DWORD', data: 50000 },
      TcpTimedWaitDelay: { present: true, type: 'REG_DWORD', data: 60 },
    });
  });

  it('reports MaxUserPort written as REG_SZ as text, not as the number it looks like', () => {
    assert.deepEqual(parseRegQuery(output('MaxUserPort    REG_SZ    65534')).MaxUserPort, {
      present: true,
      type: 'REG_SZ',
      data: '65534',
    });
  });

  it('keeps an empty REG_SZ as empty text, and text with runs of spaces whole', () => {
    const text = output('MaxUserPort    REG_SZ    ', 'TcpTimedWaitDelay    REG_SZ    30    seconds');
    assert.deepEqual(parseRegQuery(text), {
      MaxUserPort: { present: true, type: 'REG_SZ', data: '' },
      TcpTimedWaitDelay: { present: true, type: 'REG_SZ', data: '30    seconds' },
    });
  });

  it('splits REG_MULTI_SZ at the \\0 reg.exe prints between items', () => {
    const text = output('MaxUserPort    REG_MULTI_SZ    65534\\060000', 'TcpTimedWaitDelay    REG_MULTI_SZ    ');
    assert.deepEqual(parseRegQuery(text), {
      MaxUserPort: { present: true, type: 'REG_MULTI_SZ', data: ['65534', '60000'] },
      TcpTimedWaitDelay: { present: true, type: 'REG_MULTI_SZ', data: [] },
    });
  });

  it('reports a Wine REG_QWORD printed as "(null)" with its data unknown, not as zero', () => {
    assert.deepEqual(parseRegQuery(output('MaxUserPort    REG_QWORD    (null)')).MaxUserPort, {
      present: true,
      type: 'REG_QWORD',
    });
  });

  it('reads a Windows REG_QWORD beyond 2^53 exactly', () => {
    assert.deepEqual(parseRegQuery(output('MaxUserPort    REG_QWORD    0x1fffffffffffff1')).MaxUserPort, {
      present: true,
      type: 'REG_QWORD',
      data: '144115188075855857',
    });
  });

  it('reports binary data as lowercase hex', () => {
    assert.deepEqual(parseRegQuery(output('MaxUserPort    REG_BINARY    FEFF0000')).MaxUserPort, {
      present: true,
      type: 'REG_BINARY',
      data: 'feff0000',
    });
  });

  it('leaves out DWORD data it cannot read rather than guessing', () => {
    assert.deepEqual(parseRegQuery(output('TcpTimedWaitDelay    REG_DWORD    thirty')).TcpTimedWaitDelay, {
      present: true,
      type: 'REG_DWORD',
    });
  });

  it('finds nothing in an empty or error output', () => {
    assert.deepEqual(parseRegQuery(''), { MaxUserPort: ABSENT, TcpTimedWaitDelay: ABSENT });
    assert.deepEqual(parseRegQuery('ERROR: The system was unable to find the specified registry key or value.\r\n'), {
      MaxUserPort: ABSENT,
      TcpTimedWaitDelay: ABSENT,
    });
  });
});
