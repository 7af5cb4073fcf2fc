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
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { dependencies, version } from '../../package.json';
import { installerBed, manifestOf, ROOT, run } from '../helpers/installer-bed';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** The packages the app needs at run time: its dependencies and theirs, as installed. */
function runtimeClosure(names: string[]): string[] {
  const found = new Set<string>();
  const visit = (name: string) => {
    if (found.has(name)) return;
    found.add(name);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency);
  };
  names.forEach(visit);
  return [...found].sort();
}

describe('the packaged app and its NSIS installer, built offline and installed under Wine', () => {
  const bed = installerBed();
  const { unpacked } = bed;

  it('packs the app as electron-builder should: asar, scripts beside it, the .cmd, manifest, version and fuses', async (t) => {
    if (bed.skipAll) return t.skip(bed.skipAll);
    const asar = path.join(unpacked, 'resources', 'app.asar');
    const files = listPackage(asar, { isPack: false }).map((file) => file.replace(/\\/g, '/'));
    for (const needed of [
      '/package.json',
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/renderer/index.html',
      '/dist/renderer/app.js',
    ]) {
      assert.ok(files.includes(needed), `app.asar holds ${needed}`);
    }
    const ours = files.filter((file) => !file.startsWith('/node_modules/'));
    const unwanted = ours.filter((file) =>
      /\.tsx?$|^\/(electron|renderer|shared|test|e2e|scripts)\/|^\/dist\/(preview|cli)\//.test(file),
    );
    assert.deepEqual(unwanted, [], 'no sources, tests, preview or separate CLI bundle in app.asar');
    // The bundles carry everything else: only what they leave external ships as a package.
    const packages = new Set(files.flatMap((file) => /^\/node_modules\/([^/]+)\//.exec(file)?.[1] ?? []));
    assert.deepEqual([...packages].sort(), runtimeClosure(Object.keys(dependencies)));
    assert.ok(
      existsSync(path.join(unpacked, 'resources', 'vbs', 'regList.wsf')),
      "regedit's VBScript folder beside the asar",
    );
    // What the .cmd does is tested in test/windows-mode/cmd-elevation.test.ts: it ships unchanged, CRLF and all.
    assert.ok(
      readFileSync(path.join(unpacked, 'tcp-port-tuner.cmd')).equals(
        readFileSync(path.join(ROOT, 'build', 'tcp-port-tuner.cmd')),
      ),
      'the .cmd ships as build/ has it',
    );

    const bytes = readFileSync(path.join(unpacked, 'TCP Port Tuner.exe'));
    const { resources, level } = await manifestOf(bytes);
    assert.equal(level, 'highestAvailable');
    const { Resource } = await import('resedit');
    const strings = Resource.VersionInfo.fromEntries(resources.entries)[0]?.getStringValues({
      lang: 1033,
      codepage: 1200,
    });
    assert.equal(strings?.ProductName, 'TCP Port Tuner');
    assert.equal(strings?.FileVersion, version);
    // electron-builder.json's fuses, flipped in the shipped exe: RunAsNode, NODE_OPTIONS, --inspect
    // and file:// privileges off; cookie encryption, asar integrity and asar-only on.
    const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
    assert.equal(bytes.subarray(at + 2, at + 2 + 8).toString('latin1'), '01001110');
  });

  it('refuses with exit 3 through the shipped tcp-port-tuner.cmd where whoami shows no elevated token, before the exe starts', async (t) => {
    if (bed.skipAll) return t.skip(bed.skipAll);
    // Wine's whoami prints only the user name, so this console counts as not elevated. Were the
    // exe started, the stand-in (7-Zip) would refuse "--cli" with its own exit code, 7.
    const prefixed = {
      ...process.env,
      WINEPREFIX: path.join(bed.root, 'cmd-prefix'),
      WINEDEBUG: '-all',
      WINEDLLOVERRIDES: 'mscoree,mshtml=;winemenubuilder.exe=d',
    };
    const viaCmd = await run('wine', ['cmd', '/c', path.join(unpacked, 'tcp-port-tuner.cmd'), 'status'], prefixed);
    await run('wineserver', ['-k'], prefixed);
    assert.equal(viaCmd.code, 3, viaCmd.output);
    assert.match(
      viaCmd.output,
      /^tcp-port-tuner: This console is not elevated, and TCP Port Tuner runs only as administrator\./m,
    );
  });

  it('installs for the machine: program folder, shortcut and uninstall entry', async (t) => {
    if (bed.skipAll ?? bed.skipInstall) return t.skip(bed.skipAll ?? bed.skipInstall);
    assert.ok(bed.setup, 'out/ holds an installer');
    const exe = path.join(bed.programFolder, 'TCP Port Tuner.exe');
    const installed = await bed.underDisplay(
      [path.join(ROOT, 'out', bed.setup), '/S'],
      path.join(bed.programFolder, 'Uninstall TCP Port Tuner.exe'),
      'there',
    );
    assert.equal(installed.code, 0, installed.output);
    assert.ok(existsSync(exe), exe);
    assert.equal(
      (await manifestOf(readFileSync(exe))).level,
      'highestAvailable',
      'the installed exe asks for the same level',
    );
    assert.ok(existsSync(path.join(bed.programFolder, 'resources', 'app.asar')));
    assert.ok(existsSync(path.join(bed.programFolder, 'resources', 'vbs', 'regList.wsf')));
    assert.ok(existsSync(path.join(bed.programFolder, 'tcp-port-tuner.cmd')));
    const shortcut = path.join(
      bed.root,
      'prefix',
      'drive_c',
      'ProgramData',
      'Microsoft',
      'Windows',
      'Start Menu',
      'Programs',
      'TCP Port Tuner.lnk',
    );
    assert.ok(existsSync(shortcut), shortcut);
    const uninstall = await run(
      'wine',
      ['reg.exe', 'query', 'HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall', '/s', '/reg:64'],
      bed.env,
    );
    assert.match(uninstall.output, /DisplayName\s+REG_SZ\s+TCP Port Tuner/);
    assert.match(uninstall.output, new RegExp(`DisplayVersion\\s+REG_SZ\\s+${version.replace(/\./g, '\\.')}`));
  });

  it('uninstalls the program and its entry, and keeps the journal and backups', async (t) => {
    if (bed.skipAll ?? bed.skipInstall) return t.skip(bed.skipAll ?? bed.skipInstall);
    const data = path.join(bed.root, 'prefix', 'drive_c', 'ProgramData', 'TCP Port Tuner');
    await mkdir(path.join(data, 'backups'), { recursive: true });
    await writeFile(path.join(data, 'journal.json'), '{"version":2}');
    // The uninstaller copies itself elsewhere and starts again: wait for the program to go.
    const uninstaller = path.join(bed.programFolder, 'Uninstall TCP Port Tuner.exe');
    const removed = await bed.underDisplay(
      [uninstaller, '/allusers', '/S'],
      path.join(bed.programFolder, 'TCP Port Tuner.exe'),
      'gone',
    );
    assert.equal(removed.code, 0, removed.output);
    const entries = await run(
      'wine',
      ['reg.exe', 'query', 'HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall', '/s', '/reg:64'],
      bed.env,
    );
    assert.doesNotMatch(entries.output, /TCP Port Tuner/);
    assert.equal(readFileSync(path.join(data, 'journal.json'), 'utf8'), '{"version":2}', 'the journal stays');
    assert.ok(existsSync(path.join(data, 'backups')), 'the backups stay');
  });
});
