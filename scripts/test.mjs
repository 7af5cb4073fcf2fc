// Runs every check and suite, then closes with one line that sums them all:
// `Tests: N passed, N failed[, N skipped]`. Exits non-zero when anything failed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const reports = mkdtempSync(path.join(tmpdir(), 'tuner-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const bin = (name) => path.resolve('node_modules/.bin', name);
const testFiles = (dir, suffix = '.test.ts') =>
  // Recursive: new unit tests sit at their source's mirrored path (test/unit/electron/...).
  existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((file) => file.endsWith(suffix)).map((file) => path.join(dir, file)) : [];

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** A check that is not a test suite (types, lint, build) counts as one failure when it fails. */
async function check(label, command, args) {
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
  return { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
}

async function nodeSuite(label, files, extra = [], env = {}) {
  console.log(`\n== ${label} (${files.length} files)`);
  const tap = path.join(reports, `${label}.tap`);
  const code = await run(process.execPath, [
    '--import', 'tsx', '--test', ...extra,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ], env);
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
    await nodeSuite('windows-mode', testFiles('test/windows-mode'), ['--test-concurrency=2'], { TCP_PORT_TUNER_WINDOWS_TEMPLATE: template });
  } finally {
    await run(process.execPath, [...helper, 'remove', template]);
  }
}

async function playwrightSuite() {
  console.log('\n== e2e (Playwright, Debian Chromium)');
  const json = path.join(reports, 'e2e.json');
  const code = await run(bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: json });
  const stats = existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')).stats ?? {} : {};
  add('e2e', { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0), skipped: stats.skipped ?? 0 }, code);
}

function add(label, counts, code) {
  // A runner that died without reporting a failure still failed.
  const failed = counts.failed || (code !== 0 ? 1 : 0);
  console.log(`${label}: ${counts.passed} passed, ${failed} failed, ${counts.skipped} skipped`);
  totals.passed += counts.passed;
  totals.failed += failed;
  totals.skipped += counts.skipped;
}

// `node scripts/test.mjs windows-mode` runs the build and that suite alone.
if (process.argv[2] === 'windows-mode') {
  await check('build', process.execPath, ['scripts/build.mjs', '--preview']);
  await windowsModeSuite();
} else {
  await check('typecheck', bin('tsc'), ['-p', '.']);
  await check('typecheck shared/ without DOM or Node', bin('tsc'), ['-p', 'shared']);
  await check('lint', bin('eslint'), ['.']);
  await check('build', process.execPath, ['scripts/build.mjs', '--preview']);
  await check('electronegativity (accepted findings: scripts/electronegativity.accepted.json)', process.execPath, ['scripts/electronegativity.mjs']);
  await check('actionlint (.github/workflows)', process.execPath, ['scripts/lint-workflows.mjs']);
  await nodeSuite('unit', [...testFiles('test/unit'), ...testFiles('test/windows')]);
  await nodeSuite('mariadb', testFiles('test/mariadb'));
  await nodeSuite('wine', testFiles('test/wine'), ['--test-concurrency=3']);
  await windowsModeSuite();
  await nodeSuite('installer', testFiles('test/installer'));
  await playwrightSuite();
}

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exitCode = totals.failed > 0 ? 1 : 0;
