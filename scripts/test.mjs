// Runs every check and suite, then closes with one line that sums them all:
// `Tests: N passed, N failed[, N skipped]`. Exits non-zero when anything failed.
// `node scripts/test.mjs SUITE` runs one suite (unit, mariadb, wine, windows-mode, installer,
// e2e) with the build it needs, and closes the same way. What runs off Debian: scripts/platform.mjs.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { testPlan } from './platform.mjs';

const reports = mkdtempSync(path.join(tmpdir(), 'tuner-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
/** A package's command run by this Node: node_modules/.bin holds shell scripts, or `.cmd` files on Windows. */
function tool(name, pkg = name) {
  const manifest = JSON.parse(readFileSync(path.resolve('node_modules', pkg, 'package.json'), 'utf8'));
  const file = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name];
  return [process.execPath, path.resolve('node_modules', pkg, file)];
}
const testFiles = (dir, suffix = '.test.ts') =>
  // Recursive: new unit tests sit at their source's mirrored path (test/unit/electron/...).
  existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .filter((file) => file.endsWith(suffix))
        .map((file) => path.join(dir, file))
    : [];

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** A check that is not a test suite (types, lint, build) counts as one failure when it fails. */
async function check(label, command, ...args) {
  console.log(`\n== ${label}`);
  const code = await run(command, args);
  if (code !== 0) {
    console.log(`${label} failed (exit ${code})`);
    totals.failed += 1;
  }
}

function countTap(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return {
    passed: count('pass'),
    failed: count('fail') + count('cancelled'),
    skipped: count('skipped') + count('todo'),
  };
}

/** `--import tsx` by default; `extra` may name another loader and the runner's options. */
async function nodeSuite(label, files, extra = [], env = {}) {
  console.log(`\n== ${label} (${files.length} files)`);
  const tap = path.join(reports, `${label}.tap`);
  const loader = extra.includes('--require') ? [] : ['--import', 'tsx'];
  const code = await run(
    process.execPath,
    [
      ...loader,
      '--test',
      ...extra,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    env,
  );
  add(label, countTap(tap), code);
}

/**
 * The product as a Windows program: Windows' Node.js under Wine (test/windows-mode). Its files
 * copy one template prefix made here, instead of booting Wine each (about 20 s and 1.3 GB each).
 */
async function windowsModeSuite() {
  const template = path.join(reports, 'windows-template');
  const helper = ['--import', 'tsx', 'test/helpers/windows-mode/template.ts'];
  await run(process.execPath, [...helper, 'make', template]);
  try {
    await nodeSuite('windows-mode', testFiles('test/windows-mode'), ['--test-concurrency=2'], {
      TCP_PORT_TUNER_WINDOWS_TEMPLATE: template,
    });
  } finally {
    await run(process.execPath, [...helper, 'remove', template]);
  }
}

async function playwrightSuite() {
  console.log('\n== e2e (Playwright, Debian Chromium)');
  const json = path.join(reports, 'e2e.json');
  const [node, playwright] = tool('playwright', '@playwright/test');
  const code = await run(node, [playwright, 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: json });
  const stats = existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')).stats ?? {}) : {};
  add(
    'e2e',
    { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0), skipped: stats.skipped ?? 0 },
    code,
  );
}

function add(label, counts, code) {
  // A runner that died without reporting a failure still failed.
  const failed = counts.failed || (code !== 0 ? 1 : 0);
  console.log(`${label}: ${counts.passed} passed, ${failed} failed, ${counts.skipped} skipped`);
  totals.passed += counts.passed;
  totals.failed += failed;
  totals.skipped += counts.skipped;
}

const tsc = tool('tsc', 'typescript');
// Type-only imports count too: a circle of types is still two files that cannot be read apart.
const CIRCLE_ARGS = ['--circular', '--no-spinner', 'electron', 'shared', 'renderer', 'scripts']; // .madgerc: extensions, tsconfig
const CHECKS = {
  typecheck: () => check('typecheck', ...tsc, '-p', '.'),
  'typecheck shared': () => check('typecheck shared/ without DOM or Node', ...tsc, '-p', 'shared'),
  lint: () => check('lint', ...tool('eslint'), '.'),
  format: () =>
    check(
      'format (prettier --check; `npm run format` fixes it)',
      ...tool('prettier'),
      '--check',
      '--log-level',
      'warn',
      '.',
    ),
  'unused exports': () => check('unused exports (knip)', ...tool('knip'), '--no-progress'),
  'import circles': () => check('import circles (madge)', ...tool('madge'), ...CIRCLE_ARGS),
  build: () => check('build', process.execPath, 'scripts/build.mjs', '--preview'),
  electronegativity: () =>
    check(
      'electronegativity (accepted findings: scripts/electronegativity.accepted.json)',
      process.execPath,
      'scripts/electronegativity.mjs',
    ),
  actionlint: () => check('actionlint (.github/workflows)', process.execPath, 'scripts/lint-workflows.mjs'),
};
const SUITES = {
  // Each unit file is a Node process of its own. `--import tsx` starts an ESM loader thread in
  // each (twice the CPU of tsx's CommonJS hook, which is all these files need), and Node's
  // default runs one file fewer than the cores at once: one at a time on 2 cores.
  unit: () =>
    nodeSuite(
      'unit',
      [...testFiles('test/unit'), ...testFiles('test/windows')],
      ['--require', 'tsx/cjs', `--test-concurrency=${availableParallelism() + 2}`],
    ),
  mariadb: () => nodeSuite('mariadb', testFiles('test/mariadb')),
  wine: () => nodeSuite('wine', testFiles('test/wine'), ['--test-concurrency=3']),
  'windows-mode': windowsModeSuite,
  installer: () => nodeSuite('installer', testFiles('test/installer')),
  e2e: playwrightSuite,
};

let plan;
try {
  plan = testPlan(process.platform, process.argv[2]);
} catch (error) {
  console.error(`test: ${error.message}`);
  process.exit(2);
}
for (const name of plan.checks) await CHECKS[name]();
for (const name of plan.suites) await SUITES[name]();
for (const { suite, why } of plan.notHere)
  console.log(`\n== ${suite}: not run on ${process.platform}, needs Debian: it ${why}.`);
// A suite asked for by name that cannot run here is a failure, not a silent pass.
if (process.argv[2] && plan.suites.length === 0) totals.failed += 1;

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exitCode = totals.failed > 0 ? 1 : 0;
