/** netstat's rows read on Windows' real output shapes, English, German and Wine's, with CRLF line ends. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNetstat } from '../../../../helpers/netstat-reference';
import { windowsFixture as fixture } from '../../../../helpers/captures';

describe('netstat -ano -p tcp', () => {
  it('reads every TCP row with its state and owner, IPv6 in brackets included, and skips UDP', () => {
    const sockets = parseNetstat(fixture('netstat-en.txt'));
    assert.equal(sockets.length, 10);
    assert.deepEqual(sockets[4], {
      local: { address: '10.0.0.4', port: 50123 },
      remote: { address: '10.0.0.5', port: 3306 },
      state: 'TIME_WAIT',
      pid: 0,
    });
    assert.deepEqual(sockets[9].remote, { address: 'fe80::2%4', port: 33060 });
  });

  it('reads German state names as the states they are', () => {
    assert.deepEqual(
      parseNetstat(fixture('netstat-de.txt')).map((socket) => socket.state),
      ['LISTENING', 'TIME_WAIT', 'ESTABLISHED', 'CLOSE_WAIT'],
    );
  });

  it("reads Wine's netstat, which has no PID column", () => {
    const [socket] = parseNetstat(
      '  Proto  Local Address          Foreign Address        State\n  TCP    127.0.0.1:38929        127.0.0.1:59238        TIME_WAIT\n',
    );
    assert.deepEqual(socket, {
      local: { address: '127.0.0.1', port: 38929 },
      remote: { address: '127.0.0.1', port: 59238 },
      state: 'TIME_WAIT',
    });
  });
});

describe('a row no Windows could print', () => {
  it('a port past 65535 or a PID past 4294967295 is refused with the line named, not counted', () => {
    const header =
      '\nActive Connections\n\n  Proto  Local Address          Foreign Address        State           PID\n';
    assert.throws(
      () => parseNetstat(`${header}  TCP    10.0.0.4:70000         10.0.0.5:3306          TIME_WAIT       0\n`),
      {
        message:
          'netstat\'s answer held a line that is not a connection: "TCP    10.0.0.4:70000         10.0.0.5:3306          TIME_WAIT       0"',
      },
    );
    assert.throws(
      () =>
        parseNetstat(`${header}  TCP    10.0.0.4:50000         10.0.0.5:3306          TIME_WAIT       4294967296\n`),
      /not a connection/,
    );
  });
});
