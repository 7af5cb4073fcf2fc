/**
 * The installer configuration, read and checked by electron-builder's own code (no Windows and no
 * Electron binary needed): what it loads, whether its schema accepts it, and what a security
 * reviewer asks of an app that runs as administrator.
 */
import type { Configuration, TargetConfiguration } from 'app-builder-lib';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
/** Where an unpacked Windows build keeps app.asar and the extra resources. */
const RESOURCES = path.join(ROOT, 'out', 'win-unpacked', 'resources');
const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  dependencies?: Record<string, string>;
};

let config: Configuration;

before(async () => {
  // The same loader `electron-builder` runs: proves the file is found and read as JSON.
  config = await getConfig(ROOT, null, null);
});

/**
 * Where electron-builder's own file matchers put a project file in the unpacked app (relative to
 * its resources folder), or null when they leave it out. Mirrors its copyFiles(): a file set
 * without a filter copies everything under `from`.
 */
function packedAs(kind: 'files' | 'extraResources', file: string): string | null {
  const matchers = getFileMatchers(config, kind, kind === 'files' ? path.join(RESOURCES, 'app') : RESOURCES, {
    macroExpander: (pattern) => pattern,
    customBuildOptions: config.win ?? {},
    globalOutDir: path.join(ROOT, 'out'),
    defaultSrc: ROOT,
  });
  const asFile = { isDirectory: () => false } as Stats;
  const absolute = path.join(ROOT, file);
  for (const matcher of matchers ?? []) {
    if (!absolute.startsWith(matcher.from + path.sep)) continue;
    if (matcher.isEmpty() || matcher.containsOnlyIgnore()) matcher.prependPattern('**/*');
    if (matcher.createFilter()(absolute, asFile))
      return path.relative(RESOURCES, path.join(matcher.to, path.relative(matcher.from, absolute)));
  }
  return null;
}

describe('electron-builder.json', () => {
  test("passes electron-builder's schema validation", async () => {
    assert.equal(config.appId, 'com.tcpporttuner.app');
    await validateConfiguration(config, new DebugLogger(false));
  });

  test('the validation is strict enough to catch a misspelt option', async () => {
    const misspelt = { ...config, nsis: { ...config.nsis, perMachin: true } } as Configuration;
    await assert.rejects(validateConfiguration(misspelt, new DebugLogger(false)), /configuration\.nsis/);
  });

  test('builds an NSIS installer for x64 Windows only', () => {
    const targets = [config.win?.target ?? []].flat() as Array<string | TargetConfiguration>;
    assert.deepEqual(
      targets.map((target) => (typeof target === 'string' ? { target } : target)),
      [{ target: 'nsis', arch: ['x64'] }],
    );
  });

  test('an administrator runs it elevated, and it installs for the whole machine, into Program Files', () => {
    // Not requireAdministrator: Chromium's sandboxed helpers could not start where the token is not split (build/README.md).
    assert.equal(config.win?.requestedExecutionLevel, 'highestAvailable');
    assert.equal(config.nsis?.perMachine, true);
    assert.equal(config.nsis?.oneClick, false);
    // A folder a standard user could write to would let them replace an administrator's exe.
    assert.notEqual(config.nsis?.allowToChangeInstallationDirectory, true);
  });

  test('uninstalling keeps the data and the include it names exists', () => {
    assert.equal(config.nsis?.deleteAppDataOnUninstall, false);
    const include = path.join(ROOT, config.nsis?.include ?? 'missing');
    assert.match(readFileSync(include, 'utf8'), /!macro customUnInstall[\s\S]*ProgramData[\s\S]*!macroend/);
  });

  test("packages the app's bundles and the entry package.json names", () => {
    for (const file of [
      packageJson.main,
      'dist/electron/preload.cjs',
      'dist/renderer/index.html',
      'dist/renderer/app.js',
      'package.json',
    ]) {
      assert.equal(packedAs('files', file), path.join('app', file), `${file} must be packaged`);
    }
  });

  test('leaves out the browser preview, the CLI bundle, sources, tests and tooling', () => {
    for (const file of [
      'dist/preview/index.html',
      'dist/preview/app.js',
      'dist/cli/tcp-port-tuner.cjs',
      'electron/main/main.ts',
      'electron/preview/server.ts',
      'electron/services/change-service.ts',
      'shared/contract.ts',
      'renderer/main.tsx',
      'test/unit/packaging.test.ts',
      'e2e/electron.spec.ts',
      'scripts/build.mjs',
      'tsconfig.json',
      '.ci/run',
    ]) {
      assert.equal(packedAs('files', file), null, `${file} must not be packaged`);
    }
  });

  test('ships every script the regedit package runs as resources/vbs, outside app.asar', () => {
    const source = 'node_modules/regedit/vbs';
    // The scripts regedit's own code names, so a moved folder or a new script is noticed.
    const named = new Set(readFileSync(path.join(ROOT, 'node_modules/regedit/index.js'), 'utf8').match(/\w+\.wsf/g));
    assert.ok(named.size > 0, "regedit's index.js names its scripts");
    for (const script of named) {
      assert.ok(existsSync(path.join(ROOT, source, script)), `${script} is in ${source}`);
      // Where the main process points regedit: path.join(process.resourcesPath, 'vbs').
      assert.equal(packedAs('extraResources', `${source}/${script}`), path.join('vbs', script), `${script} is shipped`);
    }
    // The .vbs helpers the .wsf files include travel with them.
    assert.equal(packedAs('extraResources', `${source}/util.vbs`), path.join('vbs', 'util.vbs'));
  });

  test('publishes nothing and has no way to update itself', () => {
    assert.equal(config.publish, null);
    assert.equal(config.win?.publish ?? null, null);
    assert.equal(config.nsis?.publish ?? null, null);
    assert.notEqual(config.nsis?.differentialPackage, true);
    assert.equal(packageJson.dependencies?.['electron-updater'], undefined);
  });

  test('the shipped exe cannot be turned into a Node runtime or load another app', () => {
    assert.equal(config.electronFuses?.runAsNode, false);
    assert.equal(config.electronFuses?.enableNodeOptionsEnvironmentVariable, false);
    assert.equal(config.electronFuses?.enableNodeCliInspectArguments, false);
    assert.equal(config.electronFuses?.onlyLoadAppFromAsar, true);
    assert.equal(config.electronFuses?.enableEmbeddedAsarIntegrityValidation, true);
  });

  test('the icons are what electron-builder needs: an ICO with a 256 px image and a 256 px PNG', () => {
    const ico = readFileSync(path.join(ROOT, config.win?.icon ?? 'missing'));
    assert.deepEqual([ico.readUInt16LE(0), ico.readUInt16LE(2)], [0, 1], 'an ICO header');
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    assert.ok(sizes.includes(256), `sizes ${sizes.join(', ')} include 256`);

    const png = readFileSync(path.join(ROOT, config.directories?.buildResources ?? 'missing', 'icon.png'));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [256, 256]);
  });
});
