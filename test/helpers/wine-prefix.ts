/**
 * Wine prefixes and the reg.exe the independent checks run in them (Wine's, or Windows' own on
 * Windows). Every check of the registry runs reg.exe itself and reads its raw output with code
 * of its own: a test must never prove the product right with the product's own parsers.
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { run, runDetached, type Run } from './processes';
import { makeTempRoot, removeTempRoot } from './temp-folder';
import { removeServerFolder } from './wine-server';
import { startExeRefused } from './wine-start';
import { runWineStep } from './wine-step';

/** Written out rather than imported, so a product that named the wrong key would be caught. */
export const KEY = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters';
export const SETTINGS = ['MaxUserPort', 'TcpTimedWaitDelay'] as const;

/** Whether `wine` can be started at all from this PATH. */
export function wineAvailable(): boolean {
  return spawnSync('wine', ['--version'], { stdio: 'ignore' }).status === 0;
}

const WINE_MISSING =
  'Wine is not installed (no working `wine` on PATH). The Wine test suites run the product against ' +
  "Wine's real registry and fail rather than skip without it: install it with `apt-get install wine` " +
  'or `bash scripts/setup.sh`.';

/** How the independent checks reach a registry: reg.exe, with its temp folder beside it. */
export interface RegTool {
  reg(args: readonly string[]): Promise<Run>;
  /** A folder the checks may write their export files into. */
  scratch: string;
}

export interface WinePrefix extends RegTool {
  /** Holds the prefix, the data folders and the stand-ins; removed whole at the end. */
  root: string;
  /** What the product needs to work on this prefix. */
  env: NodeJS.ProcessEnv;
}

/**
 * A fresh Wine prefix with a persistent wineserver, so each later `wine reg.exe` takes a tenth
 * of a second instead of starting a server. Suites take theirs from `withPrefix`, which removes it.
 */
export async function createPrefix(label: string): Promise<WinePrefix> {
  if (!wineAvailable()) throw new Error(WINE_MISSING);
  const root = await makeTempRoot(label);
  const dir = path.join(root, 'prefix');
  const scratch = path.join(root, 'checks');
  // Gecko and Mono installers would only slow the prefix down: the registry needs neither.
  const env = { ...process.env, WINEPREFIX: dir, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=' };
  // One log for every step, beside the prefix, named in the error of the step that fails.
  const log = path.join(root, 'wine-setup.log');
  try {
    await mkdir(scratch);
    // err lines on (fixme off) for this step alone: when it fails, they are the reason.
    await runWineStep('wineboot', ['-i'], { ...env, WINEDEBUG: 'fixme-all' }, dir, log);
    // Waits until the first server has written system.reg, which the product reads the Windows version from.
    await runDetached('wineserver', ['-w'], env);
    await runWineStep('wineserver', ['-p'], env, dir, log);
    // The first Wine program starts Wine's background services, which inherit its output and
    // outlive it: started here with a file for output, they never hold a later call's pipes open.
    await runWineStep('wine', ['reg.exe', 'query', KEY], env, dir, log);
  } catch (error) {
    await runDetached('wineserver', ['-k'], env).catch(() => null);
    await removeServerFolder(dir);
    await removeTempRoot(root);
    throw error;
  }
  return { root, env, scratch, reg: (args) => wineReg(args, env) };
}

/**
 * Under load Wine now and then fails to start reg.exe at all: it ends non-zero in silence, or
 * says the application could not be started. reg.exe never ran, so the check is asked again
 * rather than reported as the registry's answer (the product does the same for its own calls).
 */
async function wineReg(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const first = await run('wine', ['reg.exe', ...args], { env });
  const said = `${first.stdout}${first.stderr}`.trim();
  const notStarted = (first.code !== 0 && said === '') || startExeRefused(first.code, said);
  return notStarted ? run('wine', ['reg.exe', ...args], { env }) : first;
}

export async function destroyPrefix(prefix: WinePrefix | undefined): Promise<void> {
  if (!prefix) return;
  await runDetached('wineserver', ['-k'], prefix.env).catch(() => null);
  await removeServerFolder(prefix.env.WINEPREFIX ?? '');
  await removeTempRoot(prefix.root);
}

/** Windows' own reg.exe, for the suites that run on a Windows machine. */
export function windowsRegTool(scratch: string): RegTool {
  const regExe = path.win32.join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'reg.exe');
  return { scratch, reg: (args) => run(regExe, args) };
}
