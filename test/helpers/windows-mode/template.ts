/**
 * The run's template prefix, so each Windows-mode test file copies one in about a second instead
 * of booting Wine for twenty (see copyTemplate in boot.ts). scripts/test.mjs makes it before
 * the suite and removes it after:
 *
 *   node --import tsx test/helpers/windows-mode/template.ts make <dir>
 *   node --import tsx test/helpers/windows-mode/template.ts remove <dir>
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { removeServerFolder } from '../wine-server';
import { bootPrefix } from './boot';

async function stopServer(dir: string): Promise<void> {
  await new Promise((resolve) => {
    const child = spawn('wineserver', ['-k'], { env: { ...process.env, WINEPREFIX: dir }, stdio: 'ignore' });
    child.on('error', resolve);
    child.on('close', resolve);
  });
}

async function main(verb: string | undefined, target: string | undefined): Promise<number> {
  if (!target || (verb !== 'make' && verb !== 'remove')) {
    console.error('usage: template.ts make|remove <dir>');
    return 2;
  }
  const dir = path.resolve(target);
  if (verb === 'make') {
    try {
      await bootPrefix(dir);
      return 0;
    } catch (error) {
      // Each file then boots its own prefix, and says why if Wine cannot run Windows' Node.js.
      console.error(`windows-mode: no template prefix (${(error as Error).message}); each file boots its own`);
    }
  }
  await stopServer(dir);
  await removeServerFolder(dir);
  await rm(dir, { recursive: true, force: true });
  return 0;
}

void main(process.argv[2], process.argv[3]).then((code) => (process.exitCode = code));
