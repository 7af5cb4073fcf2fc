// npm run dist:offline: a check of our packaging that never ships. Builds out/*Setup*.exe with
// no network: electron-builder's NSIS pieces from ../shared/vendor/electron-builder-nsis
// (checksums verified against its README first), Debian's makensis and 7za, and a stand-in
// Electron. `npm run dist` stays the release build, on a machine that can fetch the real ones.
// Exits 3 with the reason when a piece is missing, so the test that calls it can say why it
// skips; exits 4 after building only the unpacked app (out/win-unpacked) when this machine
// cannot run 32-bit programs, which electron-builder needs to make the NSIS uninstaller.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildStandInElectron } from './stand-in-electron.mjs';

const VENDOR = path.resolve('../shared/vendor/electron-builder-nsis');

/**
 * NSIS installers are 32-bit: electron-builder runs the stub under Wine to make the uninstaller,
 * and installing runs it too. Some kernels (virtual machines without 32-bit support) refuse any
 * 32-bit program with "Exec format error", whatever Wine packages are installed.
 */
function canRun32Bit() {
  // The 32-bit loader prints its version when the kernel lets it run at all.
  if (existsSync('/lib/ld-linux.so.2') && spawnSync('/lib/ld-linux.so.2', ['--version']).status !== 0) {
    return {
      ok: false,
      reason: "this machine's kernel runs no 32-bit programs (Exec format error), and NSIS installers are 32-bit",
    };
  }
  if (!existsSync('/usr/lib/wine/wine'))
    return {
      ok: false,
      reason: "32-bit Wine is not installed (Debian's wine32:i386; scripts/setup.sh installs it where it can run)",
    };
  return { ok: true };
}

function missing(reason) {
  console.error(`dist:offline: ${reason}`);
  process.exit(3);
}

/** Every file the vendor README lists with its SHA-256 must be there, unchanged. */
function verifyVendor() {
  if (!existsSync(path.join(VENDOR, 'README.md')))
    missing(`${VENDOR} is missing: the NSIS plugins cannot be downloaded here`);
  const listed = [...readFileSync(path.join(VENDOR, 'README.md'), 'utf8').matchAll(/^\s+([0-9a-f]{64})\s+(\S+)$/gm)];
  if (listed.length === 0) missing(`${VENDOR}/README.md lists no SHA-256 sums`);
  for (const [, sum, file] of listed) {
    const full = path.join(VENDOR, file);
    if (!existsSync(full)) missing(`${full} is missing`);
    const actual = createHash('sha256').update(readFileSync(full)).digest('hex');
    if (actual !== sum) {
      console.error(`dist:offline: ${full} has SHA-256 ${actual}, not ${sum} as its README says. Not used.`);
      process.exit(1);
    }
  }
  return listed.length;
}

for (const tool of ['makensis', '7za']) {
  if (spawnSync('which', [tool]).status !== 0)
    missing(`${tool} is not installed (scripts/setup.sh installs Debian's nsis and p7zip-full)`);
}
const verified = verifyVendor();
console.log(`dist:offline: ${verified} vendored files match their SHA-256`);

// A stale installer from an earlier build must never be taken for this one.
rmSync('out', { recursive: true, force: true });
const electronDist = buildStandInElectron(path.resolve('out/stand-in-electron'));
const prefix = mkdtempSync(path.join(tmpdir(), 'tuner-dist-wine-'));
const env = {
  ...process.env,
  ELECTRON_BUILDER_NSIS_DIR: VENDOR,
  ELECTRON_BUILDER_NSIS_RESOURCES_DIR: VENDOR,
  ELECTRON_BUILDER_7ZIP_PATH: '/usr/bin/7za',
  // electron-builder makes the uninstaller by running the installer stub under Wine: in a fresh
  // prefix of its own, made after wine32 was installed, never the user's.
  WINEPREFIX: prefix,
  WINEDEBUG: '-all',
  WINEDLLOVERRIDES: 'mscoree,mshtml=;winemenubuilder.exe=d',
};
const runs32Bit = canRun32Bit();
const steps = [
  // With the preview page too: npm test runs this between suites that need it, and
  // electron-builder.json packs only dist/electron and dist/renderer.
  [process.execPath, ['scripts/build.mjs', '--preview']],
  [
    path.resolve('node_modules/.bin/electron-builder'),
    ['--win', runs32Bit.ok ? 'nsis' : 'dir', '--x64', '--publish', 'never', `-c.electronDist=${electronDist}`],
  ],
];
let status = 0;
for (const [command, args] of steps) {
  status = spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;
  if (status !== 0) break;
}
spawnSync('wineserver', ['-k'], { env });
rmSync(prefix, { recursive: true, force: true });
if (status === 0 && !runs32Bit.ok) {
  console.error(`dist:offline: built out/win-unpacked only: ${runs32Bit.reason}`);
  status = 4;
}
process.exitCode = status;
