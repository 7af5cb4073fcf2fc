/**
 * The Windows-mode bed for one test file: a prefix that runs Windows' Node.js, the product's
 * CLI bundle run by it as a win32 process, and independent checks with Wine's own reg.exe.
 *
 *   const bed = await openBed('status');        // in before(); null prefix and a reason if skipped
 *   it('...', async (t) => { if (bed.skip) return t.skip(bed.skip); ... });
 *   after(() => bed.close());
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import type { Run } from '../processes';
import type { RegTool } from '../wine-prefix';
import { windowsNodeProblem } from './node-check';
import { startWindowsPrefix, windowsPath, type RunOptions, type WindowsPrefix, type WindowsRun } from './prefix';
import { WINE64, wine64 } from './wine64';

const REPO_ROOT = path.resolve(__dirname, '../../..');
/**
 * The CLI as it ships: the bundle `node scripts/build.mjs --preview` writes, or another build
 * named by TCP_PORT_TUNER_WINDOWS_CLI (to show what an older commit did in the bed).
 */
export const CLI_BUNDLE =
  process.env.TCP_PORT_TUNER_WINDOWS_CLI ?? path.join(REPO_ROOT, 'dist', 'cli', 'tcp-port-tuner.cjs');
/** Where the product keeps its journal and backups on Windows, inside the prefix. */
export const DATA_FOLDER = 'ProgramData/TCP Port Tuner';

export interface Bed {
  /** Why this file's tests are skipped (Wine cannot run Windows' Node.js here), or null. */
  skip: string | null;
  prefix: WindowsPrefix;
  /** Independent checks: Wine's reg.exe in this prefix, never the product's code. */
  regTool: RegTool;
  /** The CLI bundle run by Windows' node.exe; its own lines on stderr in `messages`. */
  cli(args: readonly string[], options?: RunOptions): Promise<WindowsRun & { messages: string[] }>;
  close(): Promise<void>;
}

function wineReg(prefix: WindowsPrefix, args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(...wine64(['reg.exe', ...args]), { env: prefix.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    // Wine's helper processes may keep the pipes open after reg.exe itself has ended.
    child.on('exit', (code, signal) => setTimeout(() => resolve({ code, signal, stdout, stderr }), 150));
  });
}

/**
 * Opens the bed, or says why it cannot: no Wine at all, or a Wine that cannot run Windows'
 * Node.js. Anything else that goes wrong fails the test file.
 */
export async function openBed(label: string, options: { locale?: string } = {}): Promise<Bed> {
  if (spawnSync(WINE64, ['--version'], { stdio: 'ignore' }).status !== 0) {
    return skipped('Wine is not installed (bash scripts/setup.sh installs it)');
  }
  const prefix = await startWindowsPrefix(label, options);
  const problem = await windowsNodeProblem(prefix);
  if (problem) {
    await prefix.stop();
    return skipped(problem);
  }
  const bundle = await copyBundle(prefix).catch(async (error: unknown) => {
    await prefix.stop();
    throw error;
  });
  const scratch = await prefix.folder('checks');
  return {
    skip: null,
    prefix,
    regTool: { scratch, reg: (args) => wineReg(prefix, args) },
    async cli(args, runOptions) {
      const result = await prefix.node(bundle, args, runOptions);
      return { ...result, messages: result.stderr.split(/\r?\n/).filter((line) => line.startsWith('tcp-port-tuner:')) };
    },
    close: () => prefix.stop(),
  };
}

/**
 * The file's own copy of the bundle, so a rebuild during its tests (the worktree is shared)
 * cannot change or remove it halfway. Its one outside module, regedit, is found through a link
 * to the repository's node_modules, as beside the built app.
 */
async function copyBundle(prefix: WindowsPrefix): Promise<string> {
  const app = await prefix.folder('app');
  const copy = path.join(app, 'dist', 'cli', path.basename(CLI_BUNDLE));
  for (let waited = 0; !existsSync(CLI_BUNDLE); waited += 1) {
    if (waited === 30) throw new Error(`${CLI_BUNDLE} is missing: run node scripts/build.mjs --preview first`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await mkdir(path.dirname(copy), { recursive: true });
  await copyFile(CLI_BUNDLE, copy);
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(app, 'node_modules'));
  return copy;
}

function skipped(reason: string): Bed {
  const none = () => Promise.reject(new Error(reason));
  return {
    skip: reason,
    prefix: undefined as unknown as WindowsPrefix,
    regTool: { scratch: '', reg: none },
    cli: none,
    close: async () => {},
  };
}

/** `C:\ProgramData\TCP Port Tuner` as a Linux path inside the prefix. */
export function dataFolder(prefix: WindowsPrefix): string {
  return prefix.drive(DATA_FOLDER);
}

export { windowsPath };
