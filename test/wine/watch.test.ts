/**
 * `watch` on a Wine prefix: against the host's real TIME_WAIT sockets (Wine's netstat), with the
 * netsh and wevtutil stand-ins for the pool and the events; server-side TIME_WAIT from a netstat
 * stand-in that prints a Windows capture with listening rows.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createConnection, createServer, type AddressInfo, type Server } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { productEnv, runCli } from '../helpers/cli-run';
import { freshPath } from '../helpers/temp-folder';
import { withPrefix } from '../helpers/with-prefix';

const CONNECTIONS = 120;
const STAND_INS = path.resolve(__dirname, '../stand-ins');
const FIXTURES = path.resolve(__dirname, '../fixtures/windows');

function clientClosed(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.end());
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}

describe('watch on a Wine prefix', () => {
  const prefix = withPrefix('watch');
  let server: Server;
  let port: number;
  const env = (extra: NodeJS.ProcessEnv = {}) =>
    productEnv(prefix, freshPath(prefix.root, 'data'), {
      TCP_PORT_TUNER_NETSH_COMMAND: path.join(STAND_INS, 'netsh'),
      TCP_PORT_TUNER_STANDIN_STATE: freshPath(prefix.root, 'netsh-state.json'),
      TCP_PORT_TUNER_WEVTUTIL_COMMAND: path.join(STAND_INS, 'wevtutil'),
      ...extra,
    });

  before(async () => {
    server = createServer((socket) => socket.on('end', () => socket.end()));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
    for (let batch = 0; batch < CONNECTIONS; batch += 40)
      await Promise.all(Array.from({ length: 40 }, () => clientClosed(port)));
  });
  after(() => server.close());

  it('--count 3 --json prints three JSON lines a second apart, with the real TIME_WAIT held against the pool', async () => {
    const result = await runCli(['watch', '--count', '3', '--interval', '1', '--json'], env());
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(lines.length, 3);
    const times = lines.map((line) => Date.parse(line.at));
    assert.ok(
      times[1] - times[0] >= 1000 && times[2] - times[1] >= 1000,
      `a second apart: ${lines.map((line) => line.at)}`,
    );
    for (const line of lines) {
      assert.ok(
        line.heldByFamily.ipv4.timeWait >= CONNECTIONS,
        `at least the ${CONNECTIONS} made here: ${line.heldByFamily.ipv4.timeWait}`,
      );
      assert.equal(line.pool, 16384);
      assert.equal(line.share, line.held / 16384);
      assert.match(line.verdict, /^(Low|High|Critical): /);
      assert.ok(
        line.notes.some((note: string) => note.includes('cannot be told apart')),
        'Wine lists no listening sockets, and the line says so',
      );
    }
    assert.equal(lines[0].ratePerSecond, null, 'one sample has no rate yet');
    assert.equal(typeof lines[2].ratePerSecond, 'number');
  });

  it('--textfile leaves one Prometheus file the parser reads, and past --threshold saves a snapshot', async () => {
    const folder = freshPath(prefix.root, 'textfile_inputs');
    const data = freshPath(prefix.root, 'alert-data');
    const state = freshPath(prefix.root, 'small-pool.json');
    // A 255-port range: the TIME_WAIT made here fills more than half of it.
    const small = { start: 65281, count: 255, exclusions: [] };
    await writeFile(state, JSON.stringify({ ipv4: small, ipv6: small }));
    const file = path.join(folder, 'tcp_port_tuner.prom');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(folder, { recursive: true });
    const result = await runCli(['watch', '--count', '2', '--interval', '1', '--textfile', file, '--threshold', '30'], {
      ...env({ TCP_PORT_TUNER_STANDIN_STATE: state }),
      TCP_PORT_TUNER_DATA_DIR: data,
    });
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(
      lines[0],
      /^\d\d:\d\d:\d\d {2}held \d[\d,]* \/ 255 \(\d+%\) {2}trend not known yet {2}.*\[running-out\] {2}ALERT past 30%: snapshot .*snapshot-.*\.json$/,
    );
    assert.match(lines[1], /ALERT past 30%: snapshot one was saved less than a minute ago/);

    assert.deepEqual(await readdir(folder), ['tcp_port_tuner.prom']);
    const families = parsePrometheusTextFormat(await readFile(file, 'utf8'));
    const held = families
      .find((family) => family.name === 'tcp_port_tuner_ports_held')!
      .metrics.find((metric) => metric.labels?.family === 'ipv4' && metric.labels.state === 'time_wait');
    assert.ok(Number(held?.value) >= CONNECTIONS);
    assert.equal(families.find((family) => family.name === 'tcp_port_tuner_alert')?.metrics[0].value, '1');

    const snapshots = await readdir(path.join(data, 'snapshots'));
    assert.equal(snapshots.length, 1);
    const saved = JSON.parse(await readFile(path.join(data, 'snapshots', snapshots[0]), 'utf8'));
    assert.ok(
      saved.netstatRows.some((row: string) => new RegExp(`127\\.0\\.0\\.1:${port}\\s+TIME_WAIT`).test(row)),
      "netstat's own rows are kept",
    );
    assert.ok(saved.diagnosis.tcp.remotes.some((remote: { port: number }) => remote.port === port));
  });

  it('reports server-side TIME_WAIT apart, per listening port, from a netstat that lists listening rows', async () => {
    const stand = {
      TCP_PORT_TUNER_NETSTAT_COMMAND: path.join(STAND_INS, 'netstat'),
      TCP_PORT_TUNER_STANDIN_NETSTAT: path.join(FIXTURES, 'netstat-server.txt'),
      TCP_PORT_TUNER_TASKLIST_COMMAND: path.join(STAND_INS, 'tasklist'),
      TCP_PORT_TUNER_STANDIN_TASKLIST: path.join(FIXTURES, 'tasklist.csv'),
    };
    const json = await runCli(['watch', '--count', '1', '--json'], env(stand));
    assert.equal(json.code, 0, json.stderr);
    const line = JSON.parse(json.stdout);
    assert.deepEqual(line.serverTimeWait, [
      { port: 3306, process: 'mysqld.exe', timeWait: 4 },
      { port: 8080, process: 'java.exe', timeWait: 1 },
    ]);
    assert.equal(line.held, 3, "the client side only: this host's own two TIME_WAIT and one open connection");
    // By ports held: mysqld's accepted connection holds no outgoing port; java's own connection does.
    assert.deepEqual(line.topProcess, { pid: 7310, name: 'java.exe', ports: 1 });
    const text = await runCli(['diagnose'], env(stand));
    assert.match(
      text.stdout,
      /5 TIME_WAIT on listening ports \(3306 \(mysqld\.exe\): 4, 8080 \(java\.exe\): 1\): a server here closed first\. .*tune the clients/,
    );
  });

  it('refuses a bad interval before any sample', async () => {
    const result = await runCli(['watch', '--interval', '0'], env());
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--interval must be a whole number from 1 to 3600; 0 is out of range\./);
  });
});
