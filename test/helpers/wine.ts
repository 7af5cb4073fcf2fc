/**
 * Where the test suites get their Wine prefixes, processes, the CLI and temporary folders from.
 * The registry checks made on a prefix are in reg-checks.ts, the reg.exe that fails on cue in
 * reg-stand-in.ts.
 *
 * Every check of the registry runs reg.exe itself (Wine's, or Windows' own on Windows) and reads
 * its raw output with code of its own: a test must never prove the product right with the
 * product's own parsers.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { removeServerFolder } from './wine-server';
import { startExeRefused } from './wine-start';

/** Written out rather than imported, so a product that named the wrong key would be caught. */
export const KEY = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters';
export const SETTINGS = ['MaxUserPort', 'TcpTimedWaitDelay'] as const;

const REPO_ROOT = path.resolve(__dirname, '../..');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface Started {
  /** Ends the program and every process it started, at once, as a crash or Task Manager would. */
  kill(): void;
  done: Promise<Run>;
}

/** Starts a program in a process group of its own, so that `kill` reaches its children too. */
function start(file: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; group?: boolean } = {}): Started {
  const child = spawn(file, [...args], { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: options.group });
  const done = new Promise<Run>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  const kill = () => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The whole group ended on its own just now.
    }
  };
  return { kill, done };
}

/** Runs a program to its end and reports how it ended; never rejects on an exit code. */
function run(file: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Run> {
  return start(file, args, options).done;
}

/**
 * Wineserver stays alive after the command that started it; with piped output it would hold
 * the pipes open and the command would seem never to end.
 */
function runDetached(file: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...args], { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
}

// ---------------------------------------------------------------------------------------------
// Temporary folders

export function makeTempRoot(label: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `tcp-port-tuner-${label}-`));
}

export function removeTempRoot(root: string): Promise<void> {
  return rm(root, { recursive: true, force: true });
}

let serial = 0;

/** A path inside `root` that no earlier call returned; not created, so the product makes it. */
export function freshPath(root: string, name: string): string {
  serial += 1;
  return path.join(root, `${name}-${serial}`);
}

// ---------------------------------------------------------------------------------------------
// Wine

/** Whether `wine` can be started at all from this PATH. */
export function wineAvailable(): boolean {
  return spawnSync('wine', ['--version'], { stdio: 'ignore' }).status === 0;
}

const WINE_MISSING =
  'Wine is not installed (no working `wine` on PATH). The Wine test suites run the product against ' +
  "Wine's real registry and fail rather than skip without it: install it with `apt-get install wine` " +
  'or `bash scripts/setup.sh`.';

/** How the independent checks reach a registry: reg.exe, with its temp folder beside it. */
export interface RegTool {
  reg(args: readonly string[]): Promise<Run>;
  /** A folder the checks may write their export files into. */
  scratch: string;
}

export interface WinePrefix extends RegTool {
  /** Holds the prefix, the data folders and the stand-ins; removed whole at the end. */
  root: string;
  /** What the product needs to work on this prefix. */
  env: NodeJS.ProcessEnv;
}

/**
 * A fresh Wine prefix with a persistent wineserver, so each later `wine reg.exe` takes a tenth
 * of a second instead of starting a server. One per test file: `destroyPrefix` it in `after`.
 */
export async function createPrefix(label: string): Promise<WinePrefix> {
  if (!wineAvailable()) throw new Error(WINE_MISSING);
  const root = await makeTempRoot(label);
  const dir = path.join(root, 'prefix');
  const scratch = path.join(root, 'checks');
  // Gecko and Mono installers would only slow the prefix down: the registry needs neither.
  const env = { ...process.env, WINEPREFIX: dir, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=' };
  try {
    await mkdir(scratch);
    if ((await runDetached('wineboot', ['-i'], env)) !== 0) throw new Error(`wineboot -i failed for ${dir}`);
    // Waits until the first server has written system.reg, which the product reads the Windows version from.
    await runDetached('wineserver', ['-w'], env);
    if ((await runDetached('wineserver', ['-p'], env)) !== 0) throw new Error(`wineserver -p failed for ${dir}`);
    // The first Wine program starts Wine's background services, which inherit its output pipes and
    // outlive it: started here without pipes, they never hold a later call's output open.
    if ((await runDetached('wine', ['reg.exe', 'query', KEY], env)) !== 0) throw new Error(`wine reg.exe does not run in ${dir}`);
  } catch (error) {
    await runDetached('wineserver', ['-k'], env).catch(() => null);
    await removeServerFolder(dir);
    await removeTempRoot(root);
    throw error;
  }
  return { root, env, scratch, reg: (args) => wineReg(args, env) };
}

/**
 * Under load Wine now and then fails to start reg.exe at all: it ends non-zero in silence, or
 * says the application could not be started. reg.exe never ran, so the check is asked again
 * rather than reported as the registry's answer (the product does the same for its own calls).
 */
async function wineReg(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const first = await run('wine', ['reg.exe', ...args], { env });
  const said = `${first.stdout}${first.stderr}`.trim();
  const notStarted = (first.code !== 0 && said === '') || startExeRefused(first.code, said);
  return notStarted ? run('wine', ['reg.exe', ...args], { env }) : first;
}

export async function destroyPrefix(prefix: WinePrefix | undefined): Promise<void> {
  if (!prefix) return;
  await runDetached('wineserver', ['-k'], prefix.env).catch(() => null);
  await removeServerFolder(prefix.env.WINEPREFIX ?? '');
  await removeTempRoot(prefix.root);
}

/** Windows' own reg.exe, for the suites that run on a Windows machine. */
export function windowsRegTool(scratch: string): RegTool {
  const regExe = path.win32.join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'reg.exe');
  return { scratch, reg: (args) => run(regExe, args) };
}

/** The environment the product needs to work on this prefix with its own data folder. */
export function productEnv(prefix: WinePrefix, dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...prefix.env, TCP_PORT_TUNER_DATA_DIR: dataDir, ...extra };
}

/** `npm run -s cli -- <args>`, without npm in between. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return run(process.execPath, ['--import', 'tsx', 'electron/cli/tcp-port-tuner.ts', ...args], { env, cwd: REPO_ROOT });
}

/** The CLI started, to be killed at a moment the test picks. */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv): Started {
  return start(process.execPath, ['--import', 'tsx', 'electron/cli/tcp-port-tuner.ts', ...args], { env, cwd: REPO_ROOT, group: true });
}

/** The CLI's own lines on stderr; Wine adds noise of its own there. */
export function cliMessages(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('tcp-port-tuner:'));
}

/** The product's journal as it lies on disk, read without the product's code. */
export async function readJournal(dataDir: string): Promise<{ pending: unknown; history: { action: string }[] }> {
  return JSON.parse(await readFile(path.join(dataDir, 'journal.json'), 'utf8'));
}
