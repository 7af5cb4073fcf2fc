// The first step of `npm start`, `npm test` and the other scripts that need the machine set up.
// On Debian: scripts/setup.sh (Debian's packages, Windows' Node.js for the Windows-mode suite,
// npm ci). Elsewhere no apt-get can run: only npm's packages, and one line saying what runs.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { setupPlan } from './platform.mjs';

const plan = setupPlan(process.platform, process.env.npm_lifecycle_event);
if (plan.debianSetup) {
  const result = spawnSync('bash', ['scripts/setup.sh'], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
for (const line of plan.lines) console.log(line);
const installed = 'node_modules/.package-lock.json';
if (!existsSync(installed) || statSync('package-lock.json').mtimeMs > statSync(installed).mtimeMs) {
  // npm's own script, run by this Node: a `.cmd` (npm on Windows) cannot be started without a shell.
  const npm = process.env.npm_execpath;
  if (!npm) {
    console.error('setup: the npm packages are missing: run `npm ci`, then this command again.');
    process.exit(1);
  }
  console.log('setup: installing npm packages');
  const result = spawnSync(process.execPath, [npm, 'ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
