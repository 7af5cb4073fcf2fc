/**
 * `diagnose` against the host's real sockets, through Wine's netstat: 300 loopback connections
 * that the client closes first leave 300 TIME_WAIT sockets on the client side, which `ss` (the
 * Linux kernel's own view) confirms, and which diagnose must count for their remote endpoint.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createConnection, createServer, type AddressInfo, type Server } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { dateText } from '../../shared/port-text';
import { productEnv, runCli } from '../helpers/cli-run';
import { freshPath } from '../helpers/temp-folder';
import { withPrefix } from '../helpers/with-prefix';

const CONNECTIONS = 300;
const STAND_INS = path.resolve(__dirname, '../stand-ins');

/** One connection the client closes first: it sends FIN, the server answers with its own, the client keeps TIME_WAIT. */
function clientClosed(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.end());
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}

async function timeWaitToward(port: number): Promise<number> {
  const { stdout } = await promisify(execFile)('ss', ['-tanH', 'state', 'time-wait', `dst 127.0.0.1:${port}`]);
  return stdout.split('\n').filter((line) => line.trim() !== '').length;
}

describe('diagnose on a Wine prefix, against real TIME_WAIT sockets', () => {
  const prefix = withPrefix('diagnose');
  let server: Server;
  let port: number;

  before(async () => {
    server = createServer((socket) => socket.on('end', () => socket.end()));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
    for (let batch = 0; batch < CONNECTIONS; batch += 50) {
      await Promise.all(Array.from({ length: Math.min(50, CONNECTIONS - batch) }, () => clientClosed(port)));
    }
  });
  after(() => server.close());

  it(`counts ${CONNECTIONS} client-closed connections for their remote endpoint, as the kernel does`, async () => {
    assert.equal(await timeWaitToward(port), CONNECTIONS, 'ss sees every client-side TIME_WAIT socket');
    const result = await runCli(['diagnose', '--json'], productEnv(prefix, freshPath(prefix.root, 'data')));
    assert.equal(result.code, 0, result.stderr);
    const found = JSON.parse(result.stdout);
    const remote = found.tcp.remotes.find(
      (entry: { address: string; port: number }) => entry.address === '127.0.0.1' && entry.port === port,
    );
    assert.deepEqual(remote, { address: '127.0.0.1', port, timeWait: CONNECTIONS, established: 0, other: 0 });
    assert.ok(found.tcp.states.TIME_WAIT >= CONNECTIONS);
    assert.ok(
      found.tcp.timeWait.outgoing >= CONNECTIONS,
      'the client side, this host, holds them on its own outgoing ports',
    );
  });

  it('says plainly what Wine cannot answer, and invents nothing in its place', async () => {
    const result = await runCli(['diagnose', '--json'], productEnv(prefix, freshPath(prefix.root, 'data')));
    const found = JSON.parse(result.stdout);
    assert.deepEqual(found.ports.dynamic, { ipv4: null, ipv6: null });
    assert.equal(found.events, null);
    assert.equal(found.capacity.now, null);
    assert.equal(
      found.unavailable['dynamic.ipv4'],
      'Could not read the dynamic port ranges and exclusions: netsh is not available under Wine.',
    );
    assert.equal(found.unavailable.events, 'not available under Wine');
    assert.equal(found.unavailable.listening, "Wine's netstat does not list listening sockets");
  });

  it('reads the range, exclusions and events through stand-ins that print Windows formats', async () => {
    const env = productEnv(prefix, freshPath(prefix.root, 'data'), {
      TCP_PORT_TUNER_NETSH_COMMAND: path.join(STAND_INS, 'netsh'),
      TCP_PORT_TUNER_WEVTUTIL_COMMAND: path.join(STAND_INS, 'wevtutil'),
      TCP_PORT_TUNER_STANDIN_EVENTS: path.resolve(__dirname, '../fixtures/windows/events.xml'),
    });
    const result = await runCli(['diagnose'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /dynamic range: 49152 to 65535 \(16,384 ports\)/);
    // The event's time in the one date format every page uses (local time), and the two ids told apart.
    assert.ok(
      result.stdout.includes(`3 (4227: 1, 4231: 2), latest ${dateText('2026-11-24T11:30:00.500Z')}\n`),
      result.stdout,
    );
    assert.match(
      result.stdout,
      /4227 means a local port reused too soon for the same server, close to error 10048; 4231 means no ephemeral port left/,
    );
    assert.match(result.stdout, /now: 136 new connections per second/);
    assert.match(
      result.stdout,
      new RegExp(`127\\.0\\.0\\.1:${port} +TIME_WAIT ${CONNECTIONS}, ESTABLISHED 0, other 0`),
    );
  });
});
