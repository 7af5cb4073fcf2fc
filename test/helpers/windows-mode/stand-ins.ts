/**
 * Windows programs a test puts where the product looks for Windows' tools. A Linux program
 * started from a Windows process does not get that process's pipes, so each stand-in is a
 * small Windows launcher (test/stand-ins/windows/launcher.c, built with mingw) that runs
 * `node.exe <stand-in script>` with its own arguments and passes the exit code on.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { WINDOWS_NODE, windowsPath, type WindowsPrefix } from './prefix';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const SOURCES = path.join(REPO_ROOT, 'test', 'stand-ins', 'windows');
const BUILT = path.join(REPO_ROOT, '.cache', 'windows-mode');
const MINGW = 'x86_64-w64-mingw32-gcc';

/** The stand-in scripts in test/stand-ins (Node scripts that print what Windows' tools print). */
export const STAND_IN = {
  netsh: path.join(REPO_ROOT, 'test', 'stand-ins', 'netsh'),
  wevtutil: path.join(REPO_ROOT, 'test', 'stand-ins', 'wevtutil'),
  whoami: path.join(SOURCES, 'whoami'),
  /** Logs each call's arguments to a file and exits with a chosen code. */
  recorder: path.join(SOURCES, 'recorder'),
  /** Prints a file's bytes as they are (a capture in its code page), filtered like netstat's -p. */
  canned: path.join(SOURCES, 'canned'),
};

type Program = 'launcher' | 'mark';

/** Builds (once, and again when its source changes) one of the Windows programs in test/stand-ins/windows. */
function built(program: Program): string {
  const source = path.join(SOURCES, `${program}.c`);
  const exe = path.join(BUILT, `${program}.exe`);
  if (existsSync(exe) && statSync(exe).mtimeMs >= statSync(source).mtimeMs) return exe;
  spawnSync('mkdir', ['-p', BUILT]);
  // A Windows-subsystem program: Wine starts no console host for it, one moving part fewer when
  // the product runs several stand-ins at once. Its standard handles are the ones it is given.
  const result = spawnSync(MINGW, ['-municode', '-Wl,--subsystem,windows', '-O2', '-s', '-o', exe, source], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(`${MINGW} could not build ${source} (bash scripts/setup.sh installs gcc-mingw-w64-x86-64): ${result.error?.message ?? result.stderr}`);
  }
  return exe;
}

/**
 * Puts a file in place by replacing what is there, never by writing into it: a copied prefix's
 * System32 files are hard links to the run's template.
 */
async function replaceFile(destination: string, write: () => Promise<void>): Promise<void> {
  await rm(destination, { force: true });
  await write();
}

/**
 * Installs `System32\<name>.exe` as a stand-in running `node.exe script ...leadingArgs ...args`,
 * and has Wine run it instead of a built-in program of that name (whoami, netsh, wevtutil, ...).
 */
export async function installStandIn(prefix: WindowsPrefix, name: string, script: string, leadingArgs: readonly string[] = []): Promise<string> {
  const exe = path.join(prefix.system32, `${name}.exe`);
  await replaceFile(exe, () => copyFile(built('launcher'), exe));
  const launch = [windowsPath(WINDOWS_NODE), windowsPath(script), ...leadingArgs].join('\r\n');
  await replaceFile(`${exe}.launch`, () => writeFile(`${exe}.launch`, `${launch}\r\n`));
  prefix.preferNative(`${name}.exe`);
  return exe;
}

/** The whoami stand-in: `whoami` names the account, `whoami /groups /fo csv` gives this integrity level (or fails, `broken`). */
export function installWhoami(prefix: WindowsPrefix, level: 'high' | 'medium' | 'broken'): Promise<string> {
  return installStandIn(prefix, 'whoami', STAND_IN.whoami, [level]);
}

/**
 * The netsh stand-in (test/stand-ins/netsh: Windows' formats, netsh's limits) in System32,
 * keeping its state in `state` (a Linux path), which tests read to check what netsh holds.
 */
export async function installNetsh(prefix: WindowsPrefix, state: string, ranges: { start: number; count: number } = { start: 49152, count: 16384 }): Promise<void> {
  await writeFile(state, JSON.stringify({ ipv4: { ...ranges, exclusions: [] }, ipv6: { ...ranges, exclusions: [] } }));
  prefix.setEnv('TCP_PORT_TUNER_STANDIN_STATE', windowsPath(state));
  await installStandIn(prefix, 'netsh', STAND_IN.netsh);
}

/** A stand-in for `name` that logs every call to `log` (a Linux path) and exits with `code`. */
export async function installRecorder(prefix: WindowsPrefix, name: string, log: string, code = 0): Promise<void> {
  await installStandIn(prefix, name, STAND_IN.recorder, [windowsPath(log), String(code)]);
}

/** Each call a recorder logged, as the argument arrays it was given; none when never called. */
export async function recordedCalls(log: string): Promise<string[][]> {
  const text = await readFile(log, 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

/** Plants a program that, if anything runs it, leaves `<name>.ran` beside itself. */
export async function plant(folder: string, name: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  const exe = path.join(folder, name);
  await replaceFile(exe, () => copyFile(built('mark'), exe));
  return exe;
}

/** The command line a planted program was run with, or null when it never ran. */
export async function ranWith(planted: string): Promise<string | null> {
  return readFile(`${planted}.ran`, 'utf8').catch(() => null);
}
