/**
 * The one place the test suites get their registry, processes and temporary folders from.
 *
 * Every check of the registry here runs reg.exe itself (Wine's, or Windows' own on Windows)
 * and reads its raw output with code of its own: a test must never prove the product right
 * with the product's own parsers.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { removeServerFolder } from './wine-server';

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
  const notStarted = first.code !== 0 && (said === '' || /ShellExecuteEx failed|could not be started/i.test(said));
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

// ---------------------------------------------------------------------------------------------
// Independent registry checks and arrangements

/** One value as `reg query` prints it: the type name and the data text, untouched. */
export interface QueriedValue {
  type: string;
  data: string;
}

async function mustReg(tool: RegTool, args: readonly string[]): Promise<Run> {
  const result = await tool.reg(args);
  if (result.code !== 0) {
    throw new Error(`reg ${args.join(' ')} exited with ${result.code}: ${result.stdout.trim()} ${result.stderr.trim()}`);
  }
  return result;
}

/** Every value of the key by its exact name, as `reg query` prints it. */
export async function regQuery(tool: RegTool): Promise<Record<string, QueriedValue>> {
  const { stdout } = await mustReg(tool, ['query', KEY]);
  const values: Record<string, QueriedValue> = {};
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    if (match) values[match[1]] = { type: match[2], data: match[3] ?? '' };
  }
  return values;
}

/** The whole key as `reg export` writes it, decoded from its UTF-16LE. */
export async function regExport(tool: RegTool): Promise<string> {
  const file = freshPath(tool.scratch, 'export');
  await mustReg(tool, ['export', KEY, file, '/y']);
  const bytes = await readFile(file);
  await rm(file);
  if (bytes[0] !== 0xff || bytes[1] !== 0xfe) throw new Error('reg export did not write UTF-16LE with a byte-order mark');
  return bytes.subarray(2).toString('utf16le');
}

/**
 * The lines of the Parameters key itself in an export, without its subkeys: on a live Windows
 * those hold DHCP leases that may change between two exports.
 */
export function ownSection(exported: string): string[] {
  const lines = exported.split('\r\n');
  const start = lines.indexOf(`[${KEY}]`);
  if (start < 0) throw new Error('the export does not hold the Parameters key');
  const end = lines.indexOf('', start);
  return lines.slice(start, end < 0 ? undefined : end);
}

/** The line (with any continuation lines) that holds one value in an export; undefined when absent. */
export function exportedValue(exported: string, name: string): string | undefined {
  const lines = exported.split('\r\n');
  const start = lines.findIndex((line) => line.toLowerCase().startsWith(`"${name.toLowerCase()}"=`));
  if (start < 0) return undefined;
  let end = start;
  while (lines[end].endsWith('\\')) end += 1;
  return lines.slice(start, end + 1).join('\r\n');
}

/** Stores a value with `reg add`; a list is joined as REG_MULTI_SZ wants it. */
export async function setValue(tool: RegTool, name: string, type: string, data: string | number | readonly string[]): Promise<void> {
  const text = Array.isArray(data) ? data.join('\\0') : String(data);
  await mustReg(tool, ['add', KEY, '/v', name, '/t', type, '/d', text, '/f']);
}

/** Deletes a value; one that is already absent is fine. */
export async function deleteValue(tool: RegTool, name: string): Promise<void> {
  const result = await tool.reg(['delete', KEY, '/v', name, '/f']);
  if (result.code !== 0 && !/unable to find/i.test(`${result.stdout} ${result.stderr}`)) {
    throw new Error(`reg delete ${name} exited with ${result.code}: ${result.stdout.trim()} ${result.stderr.trim()}`);
  }
}

/** Both settings absent, as on a machine nobody has tuned. */
export async function resetValues(tool: RegTool): Promise<void> {
  for (const name of SETTINGS) await deleteValue(tool, name);
}

export async function regImport(tool: RegTool, file: string): Promise<void> {
  await mustReg(tool, ['import', file]);
}

/** A `.reg` file exactly as reg.exe writes one: UTF-16LE with a byte-order mark, CRLF lines. */
export async function writeRegFile(file: string, lines: readonly string[]): Promise<void> {
  const text = ['Windows Registry Editor Version 5.00', '', ...lines, '', ''].join('\r\n');
  await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}

// ---------------------------------------------------------------------------------------------
// The product as a user runs it

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

export type RegVerb = 'query' | 'add' | 'delete' | 'export' | 'import';

/** What a stand-in for reg.exe does differently from Wine's real one. */
export type StandInFault =
  /** add, delete and import fail as on Windows without elevation. */
  | { kind: 'deny-writes' }
  /** The nth call of this verb fails with a reg.exe error; every other call works. */
  | { kind: 'fail'; verb: RegVerb; nth: number }
  /** The nth call of this verb kills the product's process, as a crash would, once the calls before it are done. */
  | { kind: 'crash'; verb: RegVerb; nth: number }
  /** Every call takes this many seconds longer, so that two changes surely overlap. */
  | { kind: 'slow'; seconds: number };

function faultScript(fault: StandInFault): string[] {
  switch (fault.kind) {
    case 'deny-writes':
      return ['case "$1" in add|delete|import) echo "ERROR: Access is denied." >&2; exit 1;; esac'];
    case 'fail':
      return [`if [ "$1" = ${fault.verb} ] && [ "$n" -eq ${fault.nth} ]; then echo "ERROR: The system was unable to write the value." >&2; exit 1; fi`];
    case 'slow':
      return [`sleep ${fault.seconds}`];
    case 'crash':
      return [
        `if [ "$1" = ${fault.verb} ] && [ "$n" -eq ${fault.nth} ]; then`,
        '  i=1',
        '  while [ "$i" -lt "$n" ]; do',
        '    while [ ! -e "$calls/$1.$i/done" ]; do sleep 0.05; done',
        '    i=$((i + 1))',
        '  done',
        '  kill -9 "$PPID"',
        '  exit 1',
        'fi',
      ];
  }
}

/**
 * Writes an executable for TCP_PORT_TUNER_REG_COMMAND that passes every call on to Wine's
 * reg.exe except the one the fault names. The product runs some calls at once, so each call
 * takes its number per verb with an atomic mkdir, and marks when it is done.
 */
export async function writeRegStandIn(root: string, fault: StandInFault): Promise<string> {
  const calls = freshPath(root, 'stand-in');
  await mkdir(calls);
  const script = path.join(calls, 'reg');
  await writeFile(
    script,
    [
      '#!/bin/sh',
      `calls='${calls}'`,
      'n=1',
      'while ! mkdir "$calls/$1.$n" 2>/dev/null; do n=$((n + 1)); done',
      ...faultScript(fault),
      'wine reg.exe "$@"',
      'code=$?',
      ': > "$calls/$1.$n/done"',
      'exit "$code"',
      '',
    ].join('\n'),
  );
  await chmod(script, 0o755);
  return script;
}

/** The product's journal as it lies on disk, read without the product's code. */
export async function readJournal(dataDir: string): Promise<{ pending: unknown; history: { action: string }[] }> {
  return JSON.parse(await readFile(path.join(dataDir, 'journal.json'), 'utf8'));
}
