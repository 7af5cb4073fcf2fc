// What set-up and the test runner do on each platform, as plain data: scripts/setup.mjs and
// scripts/test.mjs act on it, and test/unit/scripts/platform.test.ts asks it about Windows from
// any machine. Only Debian has Wine, Debian's Chromium, MariaDB's packages and makensis.

/** Every suite scripts/test.mjs runs, in the order `npm test` runs them. */
export const SUITES = ['unit', 'mariadb', 'wine', 'windows-mode', 'installer', 'e2e'];

/** Why each suite that needs Debian cannot run elsewhere. */
export const NEEDS_DEBIAN = {
  mariadb: "starts real MariaDB servers from Debian's packages on loopback",
  wine: "proves every change against Wine's registry and reg.exe",
  'windows-mode': "runs Windows' Node.js under Wine; on Windows the product already runs as a Windows program",
  installer:
    "builds the installer offline with Debian's makensis, 7za, xvfb and 32-bit Wine; on Windows `npm run dist` builds the real one",
  e2e: "drives Debian's Chromium against the preview on Wine's registry; e2e/electron.spec.ts runs in the Windows workflow",
};

/** The checks that are not test suites. */
export const CHECKS = [
  'typecheck',
  'typecheck shared',
  'lint',
  'format',
  'unused exports',
  'import circles',
  'build',
  'electronegativity',
  'actionlint',
];

/** The suites that run the built bundles (dist/), so need the build first. */
const NEEDS_BUILD = new Set(['unit', 'windows-mode', 'e2e']);

const debian = (platform) => platform === 'linux';

/**
 * `npm start` and `npm test` on this platform: Debian runs scripts/setup.sh (apt-get, Windows'
 * Node.js, npm ci); anywhere else only npm's packages are installed, and the lines say why.
 */
export function setupPlan(platform, script) {
  if (debian(platform)) return { debianSetup: true, lines: [] };
  const what =
    script === 'start'
      ? 'npm start builds the app and starts Electron'
      : script === 'test'
        ? `npm test runs the checks and the unit suite; ${Object.keys(NEEDS_DEBIAN).join(', ')} need Debian (docs/testing.md)`
        : `npm run ${script ?? 'this script'} runs without Debian's packages`;
  return {
    debianSetup: false,
    lines: [`setup: on ${platform}, ${what}. Nothing is installed from Debian here (scripts/setup.sh is for Debian).`],
  };
}

/**
 * What `node scripts/test.mjs [suite]` runs here: every check and suite when none is named,
 * else that suite (with the build it needs); a suite that needs Debian elsewhere is `notHere`.
 */
export function testPlan(platform, asked) {
  if (asked !== undefined && !SUITES.includes(asked))
    throw new Error(`Unknown suite "${asked}". Suites: ${SUITES.join(', ')}.`);
  const wanted = asked === undefined ? SUITES : [asked];
  const runs = (suite) => debian(platform) || !(suite in NEEDS_DEBIAN);
  const suites = wanted.filter(runs);
  const checks = asked === undefined ? CHECKS : suites.some((suite) => NEEDS_BUILD.has(suite)) ? ['build'] : [];
  const notHere = wanted.filter((suite) => !runs(suite)).map((suite) => ({ suite, why: NEEDS_DEBIAN[suite] }));
  return { checks, suites, notHere };
}
