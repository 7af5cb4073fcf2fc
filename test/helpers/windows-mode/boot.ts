/**
 * How a Windows 10 prefix for the Windows-mode bed is made: booted afresh, or copied from the
 * run's template; and the wineserver calls that outlive the command starting them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { runWineStep } from '../wine-step';
import { unrandomized } from './wine64';

/** A prepared Windows 10 prefix that scripts/test.mjs makes once per run (see template.ts). */
export const TEMPLATE_VARIABLE = 'TCP_PORT_TUNER_WINDOWS_TEMPLATE';

/** Wineserver outlives the command that starts it: without pipes it holds none open. */
export function detached(file: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...args], { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', resolve);
  });
}

export function localeExists(locale: string): boolean {
  const listed = spawnSync('locale', ['-a'], { encoding: 'utf8' }).stdout ?? '';
  const wanted = locale.toLowerCase().replace('utf-8', 'utf8');
  return listed.split('\n').some((line) => line.toLowerCase() === wanted);
}

/**
 * Makes a Windows 10 prefix in `dir`: Node.js refuses to start until the prefix says Windows 10.
 * Gecko and Mono installers would only slow it down.
 */
export async function bootPrefix(dir: string): Promise<void> {
  const env = { ...process.env, WINEPREFIX: dir, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=' };
  // The steps' output goes to a log inside the prefix, so that a failed step can say why (wine-step.ts).
  await mkdir(dir, { recursive: true });
  const log = setupLog(dir);
  await runWineStep(...unrandomized('wineboot', ['-i']), { ...env, WINEDEBUG: 'fixme-all' }, dir, log);
  await runWineStep(...unrandomized('wine', ['winecfg', '-v', 'win10']), env, dir, log);
  await detached('wineserver', ['-w'], env);
}

/** Where a prefix's set-up steps write their output. */
export const setupLog = (dir: string): string => path.join(dir, 'setup.log');

/**
 * Copies a template prefix: System32 and SysWOW64 (1.2 GB of Wine's DLLs, which Wine never
 * writes) as hard links, the rest (the registry, which Wine rewrites in place) as real copies.
 * Anything a test puts into System32 must replace a file, never write into one (see stand-ins.ts).
 */
export async function copyTemplate(template: string, dir: string): Promise<void> {
  const linked = ['drive_c/windows/system32', 'drive_c/windows/syswow64'].map((part) => path.join(template, part));
  // Debian's Wine keeps the server in /tmp/<the prefix's `wineserver` file>/server-<device>-<inode>: copied, a new
  // prefix given a removed one's inode met its dying wineserver, and every program of it then waited for ever.
  await cp(template, dir, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => !linked.includes(source) && source !== path.join(template, 'wineserver'),
  });
  for (const part of linked) {
    const result = spawnSync('cp', ['-al', part, path.join(dir, path.relative(template, part))]);
    if (result.status !== 0) throw new Error(`cp -al ${part} failed: ${result.stderr}`);
  }
}
