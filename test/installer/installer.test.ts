/**
 * The packaged app and its installer, built offline (npm run dist:offline): the unpacked app is
 * checked as electron-builder made it, then the installer is installed silently under Wine on a
 * fresh prefix and uninstalled. NSIS installers are 32-bit; on a machine whose kernel runs no
 * 32-bit programs only the unpacked app is built, and the install steps say so as they skip.
 * The Electron inside is a stand-in (scripts/dist-offline/stand-in-electron.mjs): this proves
 * what the packaging puts where, not that Electron starts.
 */
import { listPackage } from '@electron/asar';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dependencies, version } from '../../package.json';
import { makeTempRoot, removeTempRoot } from '../helpers/temp-folder';

const ROOT = path.resolve(__dirname, '../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** The packages the app needs at run time: its dependencies and theirs, as installed. */
function runtimeClosure(names: string[]): string[] {
  const found = new Set<string>();
  const visit = (name: string) => {
    if (found.has(name)) return;
    found.add(name);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency);
  };
  names.forEach(visit);
  return [...found].sort();
}

/**
 * The execution level the exe's manifest asks Windows for: highestAvailable elevates an
 * administrator (asking once where UAC splits the token) and runs a standard user as they are,
 * while Chromium's restricted helper processes of the same exe can still start.
 */
async function manifestOf(bytes: Buffer) {
  const { NtExecutable, NtExecutableResource } = await import('resedit');
  const resources = NtExecutableResource.from(NtExecutable.from(bytes));
  const manifest = resources.entries.find((entry) => entry.type === 24);
  assert.ok(manifest, 'the exe has a manifest');
  const levels = [...Buffer.from(manifest.bin).toString('utf8').matchAll(/<requestedExecutionLevel\s+level="([^"]+)"/g)].map((found) => found[1]);
  assert.equal(levels.length, 1, 'exactly one requestedExecutionLevel');
  return { resources, level: levels[0] };
}

interface Ran {
  code: number | null;
  output: string;
}

function run(file: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the packaged app and its NSIS installer, built offline and installed under Wine', () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  let setup: string | undefined;
  /** Why nothing could be built, or why no installer could be. */
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
    setup = existsSync(path.join(ROOT, 'out')) ? readdirSync(path.join(ROOT, 'out')).find((file) => /Setup.*\.exe$/.test(file)) : undefined;
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

  it('packs the app as electron-builder should: asar, scripts beside it, the .cmd, manifest, version and fuses', async (t) => {
    if (skipAll) return t.skip(skipAll);
    const asar = path.join(unpacked, 'resources', 'app.asar');
    const files = listPackage(asar, { isPack: false }).map((file) => file.replace(/\\/g, '/'));
    for (const needed of ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html', '/dist/renderer/app.js']) {
      assert.ok(files.includes(needed), `app.asar holds ${needed}`);
    }
    const ours = files.filter((file) => !file.startsWith('/node_modules/'));
    const unwanted = ours.filter((file) => /\.tsx?$|^\/(electron|renderer|shared|test|e2e|scripts)\/|^\/dist\/(preview|cli)\//.test(file));
    assert.deepEqual(unwanted, [], 'no sources, tests, preview or separate CLI bundle in app.asar');
    // The bundles carry everything else: only what they leave external ships as a package.
    const packages = new Set(files.flatMap((file) => /^\/node_modules\/([^/]+)\//.exec(file)?.[1] ?? []));
    assert.deepEqual([...packages].sort(), runtimeClosure(Object.keys(dependencies)));
    assert.ok(existsSync(path.join(unpacked, 'resources', 'vbs', 'regList.wsf')), "regedit's VBScript folder beside the asar");
    // What the .cmd does is tested in test/windows-mode/cmd-elevation.test.ts: it ships unchanged, CRLF and all.
    assert.ok(readFileSync(path.join(unpacked, 'tcp-port-tuner.cmd')).equals(readFileSync(path.join(ROOT, 'build', 'tcp-port-tuner.cmd'))), 'the .cmd ships as build/ has it');

    const bytes = readFileSync(path.join(unpacked, 'TCP Port Tuner.exe'));
    const { resources, level } = await manifestOf(bytes);
    assert.equal(level, 'highestAvailable');
    const { Resource } = await import('resedit');
    const strings = Resource.VersionInfo.fromEntries(resources.entries)[0]?.getStringValues({ lang: 1033, codepage: 1200 });
    assert.equal(strings?.ProductName, 'TCP Port Tuner');
    assert.equal(strings?.FileVersion, version);
    // electron-builder.json's fuses, flipped in the shipped exe: RunAsNode, NODE_OPTIONS, --inspect
    // and file:// privileges off; cookie encryption, asar integrity and asar-only on.
    const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
    assert.equal(bytes.subarray(at + 2, at + 2 + 8).toString('latin1'), '01001110');
  });

  it("refuses with exit 3 through the shipped tcp-port-tuner.cmd where whoami shows no elevated token, before the exe starts", async (t) => {
    if (skipAll) return t.skip(skipAll);
    // Wine's whoami prints only the user name, so this console counts as not elevated. Were the
    // exe started, the stand-in (7-Zip) would refuse "--cli" with its own exit code, 7.
    const prefixed = { ...process.env, WINEPREFIX: path.join(root, 'cmd-prefix'), WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=;winemenubuilder.exe=d' };
    const viaCmd = await run('wine', ['cmd', '/c', path.join(unpacked, 'tcp-port-tuner.cmd'), 'status'], prefixed);
    await run('wineserver', ['-k'], prefixed);
    assert.equal(viaCmd.code, 3, viaCmd.output);
    assert.match(viaCmd.output, /^tcp-port-tuner: This console is not elevated, and TCP Port Tuner runs only as administrator\./m);
  });

  it('installs for the machine: program folder, shortcut and uninstall entry', async (t) => {
    if (skipAll ?? skipInstall) return t.skip(skipAll ?? skipInstall);
    assert.ok(setup, 'out/ holds an installer');
    const exe = path.join(programFolder, 'TCP Port Tuner.exe');
    const installed = await underDisplay([path.join(ROOT, 'out', setup), '/S'], path.join(programFolder, 'Uninstall TCP Port Tuner.exe'), 'there');
    assert.equal(installed.code, 0, installed.output);
    assert.ok(existsSync(exe), exe);
    assert.equal((await manifestOf(readFileSync(exe))).level, 'highestAvailable', 'the installed exe asks for the same level');
    assert.ok(existsSync(path.join(programFolder, 'resources', 'app.asar')));
    assert.ok(existsSync(path.join(programFolder, 'resources', 'vbs', 'regList.wsf')));
    assert.ok(existsSync(path.join(programFolder, 'tcp-port-tuner.cmd')));
    const shortcut = path.join(root, 'prefix', 'drive_c', 'ProgramData', 'Microsoft', 'Windows', 'Start Menu', 'Programs', 'TCP Port Tuner.lnk');
    assert.ok(existsSync(shortcut), shortcut);
    const uninstall = await run('wine', ['reg.exe', 'query', 'HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall', '/s', '/reg:64'], env);
    assert.match(uninstall.output, /DisplayName\s+REG_SZ\s+TCP Port Tuner/);
    assert.match(uninstall.output, new RegExp(`DisplayVersion\\s+REG_SZ\\s+${version.replace(/\./g, '\\.')}`));
  });

  it('uninstalls the program and its entry, and keeps the journal and backups', async (t) => {
    if (skipAll ?? skipInstall) return t.skip(skipAll ?? skipInstall);
    const data = path.join(root, 'prefix', 'drive_c', 'ProgramData', 'TCP Port Tuner');
    await mkdir(path.join(data, 'backups'), { recursive: true });
    await writeFile(path.join(data, 'journal.json'), '{"version":2}');
    // The uninstaller copies itself elsewhere and starts again: wait for the program to go.
    const uninstaller = path.join(programFolder, 'Uninstall TCP Port Tuner.exe');
    const removed = await underDisplay([uninstaller, '/allusers', '/S'], path.join(programFolder, 'TCP Port Tuner.exe'), 'gone');
    assert.equal(removed.code, 0, removed.output);
    const entries = await run('wine', ['reg.exe', 'query', 'HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall', '/s', '/reg:64'], env);
    assert.doesNotMatch(entries.output, /TCP Port Tuner/);
    assert.equal(readFileSync(path.join(data, 'journal.json'), 'utf8'), '{"version":2}', 'the journal stays');
    assert.ok(existsSync(path.join(data, 'backups')), 'the backups stay');
  });
});
