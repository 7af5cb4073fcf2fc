/**
 * Real MariaDB servers for the probe's tests: Debian's mariadbd, one per test, on a copy of a
 * template datadir made once per test file (about 4 s once, then 0.2-0.3 s a server). Each runs
 * under `setpriv --pdeathsig KILL`, so a killed test leaves no server behind. Loopback only.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MARIADBD = '/usr/sbin/mariadbd';
const CLIENT = '/usr/bin/mariadb';
const SETPRIV = '/usr/bin/setpriv';
const INSTALL_DB = '/usr/bin/mariadb-install-db';
/** Small InnoDB files: a 22 MB datadir instead of 114 MB. */
const SMALL = ['--innodb-log-file-size=4M', '--innodb-buffer-pool-size=16M'];
const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];

/** Why the MariaDB tests cannot run here, or null when they can (scripts/setup.sh installs it). */
export const mariadbMissing: string | null = [MARIADBD, INSTALL_DB, CLIENT].every((file) => existsSync(file))
  ? null
  : 'MariaDB is not installed (scripts/setup.sh installs mariadb-server-core and mariadb-client-core)';

const folders: string[] = [];
process.on('exit', () => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
async function scratch(label: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), `tuner-mariadb-${label}-`));
  folders.push(folder);
  return folder;
}

let template: Promise<string> | undefined;
function templateDatadir(): Promise<string> {
  template ??= (async () => {
    const datadir = path.join(await scratch('template'), 'data');
    await run(INSTALL_DB, [
      '--no-defaults',
      `--datadir=${datadir}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ...asRoot,
      ...SMALL,
    ]);
    return datadir;
  })();
  return template;
}

/** A port free now: the kernel's choice for a listener that is closed at once. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface MariaDb {
  port: number;
  socket: string;
  /** Runs SQL as root over the socket; the result rows, tab-separated, without headers. */
  sql(statement: string): Promise<string>;
  /** A root session held open (over the socket) until the server stops; resolves once it is logged in. */
  holdSession(): Promise<void>;
  stop(): Promise<void>;
}

/** Whether the process has ended: gone, or a zombie (state Z) that PID 1 may never reap here. */
async function ended(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return stat === null || stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
}

function waitForReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let said = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('ready for connections')) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`mariadbd exited ${code} before it was ready:\n${said.slice(-2000)}`)),
    );
  });
}

/** Starts a server with `extra` options (for example --max-connections=10) on a fresh copy of the template. */
export async function startMariaDb(extra: readonly string[] = []): Promise<MariaDb> {
  const folder = await scratch('server');
  const datadir = path.join(folder, 'data');
  await cp(await templateDatadir(), datadir, { recursive: true });
  const socket = path.join(folder, 'mysqld.sock');
  const port = await freePort();
  const args = [
    '--pdeathsig',
    'KILL',
    '--',
    MARIADBD,
    '--no-defaults',
    `--datadir=${datadir}`,
    `--socket=${socket}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    ...asRoot,
    ...SMALL,
    ...extra,
  ];
  const child = spawn(SETPRIV, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  await waitForReady(child);
  const sessions: ChildProcess[] = [];
  const client = (statement: string) =>
    [CLIENT, ['--no-defaults', `--socket=${socket}`, '-uroot', '-N', '-B', '-n', '-e', statement]] as const;
  return {
    port,
    socket,
    sql: async (statement) => (await run(...client(statement))).stdout,
    holdSession() {
      const session = spawn(
        SETPRIV,
        ['--pdeathsig', 'KILL', '--', ...client("SELECT 'held'; SELECT SLEEP(600)").flat()],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      sessions.push(session);
      return new Promise((resolve, reject) => {
        session.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
        session.once('exit', (code) => reject(new Error(`a held session ended (exit ${code})`)));
      });
    },
    async stop() {
      for (const session of sessions) session.kill('SIGKILL');
      if (child.pid === undefined || (await ended(child.pid))) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
