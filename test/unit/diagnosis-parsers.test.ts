/** Every parser of the diagnosis on Windows' real output shapes, English and German, with CRLF line ends. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { summarizeConnections } from '../../electron/services/diagnosis/connections';
import { parseEvents } from '../../electron/services/diagnosis/events';
import { parseDynamicPort, parseExcludedRanges } from '../../electron/services/netsh/netsh-parsers';
import { parseNetstat } from '../../electron/services/diagnosis/netstat';
import { parseTasklist } from '../../electron/services/diagnosis/tasklist';

const fixture = (name: string) => {
  const text = readFileSync(path.join(__dirname, '../fixtures/windows', name), 'utf8');
  assert.match(text, /\r\n/, `${name} has Windows line ends`);
  return text;
};

describe('netstat -ano -p tcp', () => {
  it('reads every TCP row with its state and owner, IPv6 in brackets included, and skips UDP', () => {
    const sockets = parseNetstat(fixture('netstat-en.txt'));
    assert.equal(sockets.length, 10);
    assert.deepEqual(sockets[4], { local: { address: '10.0.0.4', port: 50123 }, remote: { address: '10.0.0.5', port: 3306 }, state: 'TIME_WAIT', pid: 0 });
    assert.deepEqual(sockets[9].remote, { address: 'fe80::2%4', port: 33060 });
  });

  it('reads German state names as the states they are', () => {
    assert.deepEqual(parseNetstat(fixture('netstat-de.txt')).map((socket) => socket.state), ['LISTENING', 'TIME_WAIT', 'ESTABLISHED', 'CLOSE_WAIT']);
  });

  it("reads Wine's netstat, which has no PID column", () => {
    const [socket] = parseNetstat('  Proto  Local Address          Foreign Address        State\n  TCP    127.0.0.1:38929        127.0.0.1:59238        TIME_WAIT\n');
    assert.deepEqual(socket, { local: { address: '127.0.0.1', port: 38929 }, remote: { address: '127.0.0.1', port: 59238 }, state: 'TIME_WAIT' });
  });

  it('counts per state and per remote endpoint, names processes, and tells whose TIME_WAIT it is', () => {
    const sockets = parseNetstat(fixture('netstat-en.txt'));
    const tcp = summarizeConnections(sockets, parseTasklist(fixture('tasklist.csv')));
    assert.deepEqual(tcp.states, { LISTENING: 4, TIME_WAIT: 4, ESTABLISHED: 1, CLOSE_WAIT: 1 });
    assert.deepEqual(tcp.remotes[0], { address: '10.0.0.5', port: 3306, timeWait: 2, established: 1, other: 0 });
    assert.deepEqual(tcp.processes, [{ pid: 7310, name: 'java.exe', timeWait: 0, established: 1, other: 1 }]);
    // 3306 listens here: its TIME_WAIT row belongs to this host as a server; the other three hold outgoing ports.
    assert.deepEqual(tcp.timeWait, { outgoing: 3, onListeningPorts: 1 });
  });
});

describe('netsh', () => {
  it('reads the dynamic port range by position, whatever the language of its labels', () => {
    assert.deepEqual(parseDynamicPort(fixture('dynamicport-en.txt')), { start: 49152, count: 16384 });
    assert.deepEqual(parseDynamicPort(fixture('dynamicport-de.txt')), { start: 1024, count: 64511 });
    assert.equal(parseDynamicPort('The following command was not found: int ipv4 show dynamicport tcp.\r\n'), null);
  });

  it('reads the excluded ranges, telling administered ones (*) from reservations', () => {
    assert.deepEqual(parseExcludedRanges(fixture('excluded-en.txt')), [
      { start: 5357, end: 5357, administered: false },
      { start: 50000, end: 50059, administered: true },
    ]);
    assert.deepEqual(parseExcludedRanges(fixture('excluded-de.txt')), [
      { start: 1080, end: 1179, administered: false },
      { start: 3306, end: 3306, administered: true },
    ]);
  });
});

describe('wevtutil and tasklist', () => {
  it("counts Tcpip's exhaustion events and finds the newest", () => {
    assert.deepEqual(parseEvents(fixture('events.xml')), { count: 3, latest: '2026-11-24T11:30:00.500Z', byId: { 4227: 1, 4231: 2 } });
    assert.deepEqual(parseEvents(''), { count: 0, latest: null, byId: { 4227: 0, 4231: 0 } });
  });

  it('names processes by PID, quotes and all', () => {
    const names = parseTasklist(fixture('tasklist.csv'));
    assert.equal(names.get(4242), 'mysqld.exe');
    assert.equal(names.get(99), 'My "quoted" app.exe');
  });
});
