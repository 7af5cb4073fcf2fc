/**
 * The set-up of the installer suite: the offline build (npm run dist:offline) once before its
 * tests, with why it built nothing or no installer; a fresh Wine prefix to install into, removed
 * after; and the programs the tests run, with their output merged.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { makeTempRoot, removeTempRoot } from './temp-folder';

export const ROOT = path.resolve(__dirname, '../..');

/**
 * The execution level the exe's manifest asks Windows for: highestAvailable elevates an
 * administrator (asking once where UAC splits the token) and runs a standard user as they are,
 * while Chromium's restricted helper processes of the same exe can still start.
 */
export async function manifestOf(bytes: Buffer) {
  const { NtExecutable, NtExecutableResource } = await import('resedit');
  const resources = NtExecutableResource.from(NtExecutable.from(bytes));
  const manifest = resources.entries.find((entry) => entry.type === 24);
  assert.ok(manifest, 'the exe has a manifest');
  const levels = [
    ...Buffer.from(manifest.bin)
      .toString('utf8')
      .matchAll(/<requestedExecutionLevel\s+level="([^"]+)"/g),
  ].map((found) => found[1]);
  assert.equal(levels.length, 1, 'exactly one requestedExecutionLevel');
  return { resources, level: levels[0] };
}

interface Ran {
  code: number | null;
  output: string;
}

export function run(file: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

export interface InstallerBed {
  /** The suite's temp folder: the prefix is its `prefix`. */
  readonly root: string;
  /** What a Wine program of the install prefix runs with. */
  readonly env: NodeJS.ProcessEnv;
  /** The installer's file name in out/, when one was built. */
  readonly setup: string | undefined;
  /** Why nothing could be built, or why no installer could be. */
  readonly skipAll: string | undefined;
  readonly skipInstall: string | undefined;
  readonly programFolder: string;
  readonly unpacked: string;
  underDisplay(program: readonly string[], file: string, until: 'there' | 'gone'): Promise<Ran>;
}

/** Registers the suite's hooks: builds before its first test, stops Wine and removes the folder after. */
export function installerBed(): InstallerBed {
  let root: string;
  let env: NodeJS.ProcessEnv;
  let setup: string | undefined;
  let skipAll: string | undefined;
  let skipInstall: string | undefined;
  let programFolder: string;
  const unpacked = path.join(ROOT, 'out', 'win-unpacked');

  before(async () => {
    root = await makeTempRoot('installer');
    const built = await run(process.execPath, ['scripts/dist-offline/dist-offline.mjs']);
    const said = built.output.trim().split('\n').at(-1);
    if (built.code === 3) skipAll = said;
    else if (built.code === 4) skipInstall = said;
    else assert.equal(built.code, 0, `npm run dist:offline failed:\n${built.output.slice(-4000)}`);
    setup = existsSync(path.join(ROOT, 'out'))
      ? readdirSync(path.join(ROOT, 'out')).find((file) => /Setup.*\.exe$/.test(file))
      : undefined;
    const prefix = path.join(root, 'prefix');
    env = {
      ...process.env,
      WINEPREFIX: prefix,
      WINEDEBUG: '-all',
      // Wine's powershell.exe and findstr.exe are stubs that answer 0, so the installer's "is the
      // app running?" check would think it is and give up; without them it goes on.
      WINEDLLOVERRIDES: 'mscoree,mshtml=;powershell.exe=d;findstr.exe=d;winemenubuilder.exe=d',
    };
    programFolder = path.join(prefix, 'drive_c', 'Program Files', 'TCP Port Tuner');
  });
  after(async () => {
    if (env) await run('wineserver', ['-k'], env);
    await removeTempRoot(root);
  });

  /**
   * Runs a Windows program under a virtual display, then waits, display still up, until `file`
   * is there or gone: the uninstaller starts itself again and returns at once. The paths reach
   * the fixed script as arguments, never inside it.
   */
  function underDisplay(program: readonly string[], file: string, until: 'there' | 'gone'): Promise<Ran> {
    const script = [
      'file=$1; until=$2; shift 2',
      'wine "$@"',
      'for i in $(seq 1 120); do',
      '  if [ "$until" = there ] && [ -e "$file" ]; then exit 0; fi',
      '  if [ "$until" = gone ] && [ ! -e "$file" ]; then exit 0; fi',
      '  sleep 1',
      'done',
      'echo "gave up waiting for $file to be $until"; exit 1',
    ].join('\n');
    return run('xvfb-run', ['-a', 'sh', '-c', script, 'sh', file, until, ...program], env);
  }

  return {
    get root() {
      return root;
    },
    get env() {
      return env;
    },
    get setup() {
      return setup;
    },
    get skipAll() {
      return skipAll;
    },
    get skipInstall() {
      return skipInstall;
    },
    get programFolder() {
      return programFolder;
    },
    unpacked,
    underDisplay,
  };
}
