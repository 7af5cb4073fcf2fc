/**
 * `tcp-port-tuner probe` against a real MariaDB: one JSON object per attempt, the exit codes
 * (0 answered, 8 refused by MySQL, 9 no MySQL answer, 2 bad input that connects nowhere), and
 * a password that appears nowhere. The probe needs neither Wine nor the data folder: PATH
 * points nowhere and the data folder is never made.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ProbeResult } from '../../shared/probe';
import { mariadbMissing, startMariaDb, type MariaDb } from '../helpers/mariadb';
import { closedPort } from '../helpers/probe-checks';
import { runCli } from '../helpers/cli-run';
import { tempFolder } from '../helpers/temp-folder';

const PASSWORD = 'never-4-anyone-to-read';

describe('tcp-port-tuner probe', { skip: mariadbMissing ?? false }, () => {
  let server: MariaDb;
  const temp = tempFolder('probe-cli');
  let dataDir: string;
  before(async () => {
    server = await startMariaDb();
    await server.sql(`CREATE USER 'app'@'127.0.0.1' IDENTIFIED BY '${PASSWORD}'`);
    dataDir = path.join(temp.path, 'data');
  });
  after(() => server.stop());
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli(args, { PATH: '/nonexistent', TCP_PORT_TUNER_DATA_DIR: dataDir, ...env });
  const lines = (stdout: string) =>
    stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ProbeResult);

  it('--json --count 2: one object per attempt, reachable, exit 0, and no data folder made', async () => {
    const result = await cli(['probe', `127.0.0.1:${server.port}`, '--json', '--count', '2', '--interval', '1']);
    assert.equal(result.code, 0, result.stderr);
    const found = lines(result.stdout);
    assert.deepEqual(
      found.map((attempt) => attempt.class),
      ['reachable', 'reachable'],
    );
    assert.equal(found[0].target, `127.0.0.1:${server.port}`);
    assert.equal(existsSync(dataDir), false, 'no data folder: nothing settled, nothing written');
  });

  it('the text says the class, what was said and the lever', async () => {
    const result = await cli(['probe', `127.0.0.1:${server.port}`]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      new RegExp(
        `127\\.0\\.0\\.1:${server.port}  reachable  \\(auth, \\d+ ms, 10\\.[^)]*MariaDB[^)]*\\)  1045 Access denied`,
      ),
    );
    assert.match(result.stdout, /USAGE only closes that gap/);
  });

  it('exit 8 when MySQL refuses (1130 from 127.0.0.4), exit 9 when nothing answers', async () => {
    const refused = await cli(['probe', `127.0.0.1:${server.port}`, '--source-address', '127.0.0.4', '--json']);
    assert.equal(refused.code, 8);
    assert.equal(lines(refused.stdout)[0].class, 'host-not-allowed');
    const closed = await closedPort();
    const nothing = await cli(['probe', `127.0.0.1:${closed}`, '--json']);
    assert.equal(nothing.code, 9);
    assert.equal(lines(nothing.stdout)[0].class, 'refused');
  });

  it('--user logs in with the password from TCP_PORT_TUNER_PROBE_PASSWORD, which appears nowhere', async () => {
    for (const [password, expected] of [
      [PASSWORD, 'ok'],
      [`${PASSWORD}-typo`, 'error'],
    ] as const) {
      for (const json of [[], ['--json']]) {
        const result = await cli(['probe', `127.0.0.1:${server.port}`, '--user', 'app', ...json], {
          TCP_PORT_TUNER_PROBE_PASSWORD: password,
        });
        assert.match(result.stdout, new RegExp(`\\b${expected}\\b`));
        assert.doesNotMatch(result.stdout + result.stderr, new RegExp(PASSWORD), 'the password is in no output');
      }
    }
    assert.equal(existsSync(dataDir), false, 'nothing was written to the data folder');
  });

  describe('bad input exits 2 with one line and connects nowhere', () => {
    let listener: Server;
    let connections = 0;
    before(async () => {
      listener = createServer((socket) => {
        connections++;
        socket.destroy();
      });
      await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    });
    after(() => listener.close());
    const cases: [string, (target: string) => string[], RegExp][] = [
      ['no target', () => ['probe'], /probe needs HOST\[:PORT\]/],
      ['a port out of range', () => ['probe', '127.0.0.1:70000'], /70000 is out of range/],
      [
        'a host that is no host',
        (target) => ['probe', `db 01:${target.split(':')[1]}`],
        /not a host name or an IP address/,
      ],
      ['--timeout 0', (target) => ['probe', target, '--timeout', '0'], /--timeout must be a whole number from 1 to 60/],
      ['--count 1.5', (target) => ['probe', target, '--count', '1.5'], /--count .* has a fraction/],
      [
        '--interval 0',
        (target) => ['probe', target, '--interval', '0'],
        /--interval must be a whole number from 1 to 3600/,
      ],
      [
        '--source-address not an address',
        (target) => ['probe', target, '--source-address', 'here'],
        /--source-address must be an IP address/,
      ],
      [
        '--password (there is none)',
        (target) => ['probe', target, '--password', PASSWORD],
        /Unknown option '--password'/,
      ],
      [
        '--user without a password or a terminal',
        (target) => ['probe', target, '--user', 'app'],
        /needs its password: set TCP_PORT_TUNER_PROBE_PASSWORD/,
      ],
      ['two targets', (target) => ['probe', target, target], /Unexpected argument/],
      [
        'a change option',
        (target) => ['probe', target, '--max-user-port', '65534'],
        /"probe" does not take --max-user-port/,
      ],
      ['watch --probe with no host in it', () => ['watch', '--probe', ':3306'], /host is missing/],
    ];
    for (const [label, args, said] of cases) {
      it(label, async () => {
        const target = `127.0.0.1:${(listener.address() as { port: number }).port}`;
        const result = await cli(args(target));
        assert.equal(result.code, 2, result.stderr);
        const said1 = result.stderr.trim().split('\n');
        assert.equal(said1.length, 1, result.stderr);
        assert.match(said1[0], said);
        assert.equal(connections, 0, 'no connection was made');
      });
    }
  });
});
