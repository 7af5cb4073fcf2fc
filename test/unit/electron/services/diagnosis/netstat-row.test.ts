/** One netstat line read on its own: what it hands on, and every shape it refuses. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRowShaped, scanRow } from '../../../../../electron/services/diagnosis/netstat-row';

function scanned(line: string) {
  const rows: unknown[][] = [];
  const kind = scanRow(line, (...fields) => rows.push(fields));
  return { kind, rows };
}

describe('a netstat line', () => {
  it('hands on a TCP row: addresses unbracketed, ports and PID as numbers, the state in English', () => {
    assert.deepEqual(scanned('  TCP    [fe80::1%4]:50123      [fe80::2%4]:3306       WARTEND         7310\r'), {
      kind: 'tcp',
      rows: [['fe80::1%4', 50123, 'fe80::2%4', 3306, 'TIME_WAIT', 7310]],
    });
  });

  it("reads a row in any case and spacing, tabs included, and Wine's row without a PID", () => {
    assert.deepEqual(scanned('\ttcp\t127.0.0.1:38929 127.0.0.1:59238\ttime_wait  '), {
      kind: 'tcp',
      rows: [['127.0.0.1', 38929, '127.0.0.1', 59238, 'TIME_WAIT', undefined]],
    });
  });

  it('skips UDP rows and blank lines, handing nothing on', () => {
    assert.deepEqual(scanned('  UDP    0.0.0.0:123            *:*                                    1234'), {
      kind: 'udp',
      rows: [],
    });
    assert.deepEqual(scanned(' \r'), { kind: 'blank', rows: [] });
  });

  it('names a state word it does not know, as netstat spelt it, and hands nothing on', () => {
    assert.deepEqual(scanned('  TCP    10.0.0.4:50123   10.0.0.5:3306   Wartet_Noch   0'), {
      kind: { unknownState: 'Wartet_Noch' },
      rows: [],
    });
  });

  it('refuses what no Windows prints: a missing or sixth column, a port past 65535, a PID past 2^32-1', () => {
    for (const line of [
      '  TCP    10.0.0.4:50123   10.0.0.5:3306',
      '  TCP    10.0.0.4:50123   10.0.0.5:3306   TIME_WAIT   0   extra',
      '  TCP    10.0.0.4:70000   10.0.0.5:3306   TIME_WAIT   0',
      '  TCP    10.0.0.4:50123   10.0.0.5:3306   TIME_WAIT   4294967296',
      '  TCP    10.0.0.4:50123   10.0.0.5:3306   TIME_WAIT   pid',
      '  TCP    10.0.0.4   10.0.0.5:3306   TIME_WAIT   0',
      '  TCPX   10.0.0.4:50123   10.0.0.5:3306   TIME_WAIT   0',
      'Active Connections',
    ])
      assert.deepEqual(scanned(line), { kind: null, rows: [] }, line);
  });

  it('tells a row-shaped line from a header', () => {
    assert.equal(isRowShaped('  TCP    10.0.0.4:70000   x'), true);
    assert.equal(isRowShaped('  udp    anything'), true);
    assert.equal(isRowShaped('  Proto  Local Address          Foreign Address        State'), false);
  });
});
