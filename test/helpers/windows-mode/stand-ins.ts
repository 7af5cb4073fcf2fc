/**
 * Windows programs a test puts where the product looks for Windows' tools: small native
 * stand-ins (test/stand-ins/windows/*.c, built with mingw). A Linux program started from a
 * Windows process does not get that process's pipes, so they must be Windows programs, and
 * they are not Windows' Node.js running a script: under a loaded Wine, such nested node.exe
 * processes were seen never to finish exiting, and the product's command then hung.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, statSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { windowsPath, type WindowsPrefix } from './prefix';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const SOURCES = path.join(REPO_ROOT, 'test', 'stand-ins', 'windows');
const BUILT = path.join(REPO_ROOT, '.cache', 'windows-mode');
const MINGW = 'x86_64-w64-mingw32-gcc';

/**
 * The stand-ins: `netsh` (test/stand-ins/netsh in C), `whoami` (an integrity level),
 * `recorder` (logs each call, exits with a chosen code), `canned` (prints a capture's bytes,
 * filtered like netstat's -p), and `mark` (leaves a mark if anything runs it).
 */
export type StandIn = 'netsh' | 'whoami' | 'recorder' | 'canned' | 'mark';

/** Builds (once, and again when its sources change) one of the Windows programs in test/stand-ins/windows. */
function built(program: StandIn): string {
  const sources = [path.join(SOURCES, `${program}.c`), path.join(SOURCES, 'standin.h')];
  const exe = path.join(BUILT, `${program}.exe`);
  if (existsSync(exe) && sources.every((source) => statSync(exe).mtimeMs >= statSync(source).mtimeMs)) return exe;
  spawnSync('mkdir', ['-p', BUILT]);
  // A Windows-subsystem program: Wine starts no console host for it, one moving part fewer when
  // the product runs several stand-ins at once. Its standard handles are the ones it is given.
  // Built aside and renamed into place: two test files building at once (a fresh clone) must
  // never copy the other's half-written program into System32.
  const building = `${exe}.${process.pid}.tmp`;
  const result = spawnSync(
    MINGW,
    ['-municode', '-Wl,--subsystem,windows', '-O2', '-s', '-Wall', '-Werror', '-o', building, sources[0]],
    { encoding: 'utf8' },
  );
  if (result.error || result.status !== 0) {
    throw new Error(
      `${MINGW} could not build ${sources[0]} (bash scripts/setup.sh installs gcc-mingw-w64-x86-64): ${result.error?.message ?? result.stderr}`,
    );
  }
  renameSync(building, exe);
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
 * Installs `System32\<name>.exe` as a stand-in, its fixed arguments in `<name>.exe.args`, and
 * has Wine run it instead of a built-in program of that name (whoami, netsh, ...).
 */
export async function installStandIn(
  prefix: WindowsPrefix,
  name: string,
  program: StandIn,
  fixedArgs: readonly string[] = [],
): Promise<string> {
  const exe = path.join(prefix.system32, `${name}.exe`);
  await replaceFile(exe, () => copyFile(built(program), exe));
  await replaceFile(`${exe}.args`, () => writeFile(`${exe}.args`, fixedArgs.map((arg) => `${arg}\r\n`).join('')));
  prefix.preferNative(`${name}.exe`);
  return exe;
}

/** The whoami stand-in: `whoami` names the account, `whoami /groups /fo csv` gives this integrity level (or fails, `broken`). */
export function installWhoami(prefix: WindowsPrefix, level: 'high' | 'medium' | 'broken'): Promise<string> {
  return installStandIn(prefix, 'whoami', 'whoami', [level]);
}

/**
 * The netsh stand-in (test/stand-ins/windows/netsh.c: Windows' formats, netsh's limits) in System32,
 * keeping its state in `state` (a Linux path), which tests read to check what netsh holds.
 */
export async function installNetsh(
  prefix: WindowsPrefix,
  state: string,
  ranges: { start: number; count: number } = { start: 49152, count: 16384 },
): Promise<void> {
  await writeFile(state, JSON.stringify({ ipv4: { ...ranges, exclusions: [] }, ipv6: { ...ranges, exclusions: [] } }));
  prefix.setEnv('TCP_PORT_TUNER_STANDIN_STATE', windowsPath(state));
  await installStandIn(prefix, 'netsh', 'netsh');
}

/** A stand-in for `name` that logs every call to `log` (a Linux path) and exits with `code`. */
export async function installRecorder(prefix: WindowsPrefix, name: string, log: string, code = 0): Promise<void> {
  await installStandIn(prefix, name, 'recorder', [windowsPath(log), String(code)]);
}

/** Each call a recorder logged, as the argument arrays it was given; none when never called. */
export async function recordedCalls(log: string): Promise<string[][]> {
  const text = await readFile(log, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
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
