/**
 * What `npm start`, `npm test` and the test:* scripts run on each platform. Windows has no
 * apt-get, Wine, Debian's Chromium or MariaDB packages: there set-up installs nothing from
 * Debian, `npm test` runs what can run natively and names each suite it cannot, with the reason.
 * test/windows-mode/npm-scripts.test.ts runs the same decisions in Windows' own Node.js.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CHECKS, NEEDS_DEBIAN, setupPlan, SUITES, testPlan } from '../../../scripts/platform.mjs';

const ROOT = path.resolve(__dirname, '../../..');

describe('set-up and the test runner on each platform', () => {
  it('Debian runs scripts/setup.sh; Windows does not, and says what npm start and npm test do there', () => {
    assert.deepEqual(setupPlan('linux', 'test'), { debianSetup: true, lines: [] });
    const start = setupPlan('win32', 'start');
    assert.equal(start.debianSetup, false);
    assert.match(
      start.lines.join('\n'),
      /npm start builds the app and starts Electron\. Nothing is installed from Debian here/,
    );
    const test = setupPlan('win32', 'test');
    assert.equal(test.debianSetup, false);
    assert.match(
      test.lines.join('\n'),
      /npm test runs the checks and the unit suite; mariadb, wine, windows-mode, installer, e2e need Debian/,
    );
    assert.doesNotMatch(
      [...start.lines, ...test.lines].join('\n'),
      /mirror|apt-get failed/i,
      'no Debian mirror is blamed',
    );
  });

  it('npm test on Debian runs every check and every suite, in order', () => {
    assert.deepEqual(testPlan('linux'), { checks: [...CHECKS], suites: [...SUITES], notHere: [] });
  });

  it('npm test on Windows runs the checks and the unit suite, and names every other suite with why it needs Debian', () => {
    const plan = testPlan('win32');
    assert.deepEqual(plan.checks, [...CHECKS]);
    assert.deepEqual(plan.suites, ['unit']);
    assert.deepEqual(
      plan.notHere.map((entry) => entry.suite),
      ['mariadb', 'wine', 'windows-mode', 'installer', 'e2e'],
    );
    for (const { suite, why } of plan.notHere) assert.equal(why, NEEDS_DEBIAN[suite as keyof typeof NEEDS_DEBIAN]);
  });

  it('one suite by name runs alone, with the build only where it runs the bundles', () => {
    assert.deepEqual(testPlan('linux', 'unit'), { checks: ['build'], suites: ['unit'], notHere: [] });
    assert.deepEqual(testPlan('linux', 'wine'), { checks: [], suites: ['wine'], notHere: [] });
    assert.deepEqual(testPlan('linux', 'windows-mode').checks, ['build']);
    assert.deepEqual(testPlan('linux', 'e2e').checks, ['build']);
    assert.deepEqual(testPlan('win32', 'wine'), {
      checks: [],
      suites: [],
      notHere: [{ suite: 'wine', why: NEEDS_DEBIAN.wine }],
    });
    assert.throws(
      () => testPlan('linux', 'unti'),
      /Unknown suite "unti"\. Suites: unit, mariadb, wine, windows-mode, installer, e2e\./,
    );
  });

  it('every test folder belongs to a suite, and every test:* script runs one through scripts/test.mjs', () => {
    const folders = readdirSync(path.join(ROOT, 'test'), { withFileTypes: true })
      .filter(
        (entry) =>
          entry.isDirectory() &&
          readdirSync(path.join(ROOT, 'test', entry.name), { recursive: true }).some((file) =>
            String(file).endsWith('.test.ts'),
          ),
      )
      .map((entry) => entry.name);
    // test/windows (the regedit contract on a Windows machine) runs inside the unit suite.
    assert.deepEqual(
      folders.filter((folder) => folder !== 'windows' && !SUITES.includes(folder as never)),
      [],
    );
    const scripts: Record<string, string> = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
    for (const suite of ['unit', 'wine', 'windows-mode', 'e2e'])
      assert.match(scripts[`test:${suite}`], new RegExp(`node scripts/test\\.mjs ${suite}$`));
    assert.equal(scripts['test:unit'], 'node scripts/test.mjs unit', 'the fast loop installs nothing first');
    for (const name of ['start', 'test'])
      assert.match(scripts[name], /^node scripts\/setup\.mjs && /, `npm ${name} decides by platform, not bash`);
  });
});
