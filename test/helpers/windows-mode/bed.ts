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
import path from 'node:path';
import type { RegTool, Run } from '../wine';
import { startWindowsPrefix, windowsNodeProblem, windowsPath, type RunOptions, type WindowsPrefix, type WindowsRun } from './prefix';

const REPO_ROOT = path.resolve(__dirname, '../../..');
/** The CLI as it ships: the bundle `node scripts/build.mjs --preview` writes. */
export const CLI_BUNDLE = path.join(REPO_ROOT, 'dist', 'cli', 'tcp-port-tuner.cjs');
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
    const child = spawn('wine', ['reg.exe', ...args], { env: prefix.env, stdio: ['ignore', 'pipe', 'pipe'] });
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
  if (spawnSync('wine', ['--version'], { stdio: 'ignore' }).status !== 0) {
    return skipped('Wine is not installed (bash scripts/setup.sh installs it)');
  }
  if (!existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run node scripts/build.mjs --preview first`);
  const prefix = await startWindowsPrefix(label, options);
  const problem = await windowsNodeProblem(prefix);
  if (problem) {
    await prefix.stop();
    return skipped(problem);
  }
  const scratch = await prefix.folder('checks');
  return {
    skip: null,
    prefix,
    regTool: { scratch, reg: (args) => wineReg(prefix, args) },
    async cli(args, runOptions) {
      const result = await prefix.node(CLI_BUNDLE, args, runOptions);
      return { ...result, messages: result.stderr.split(/\r?\n/).filter((line) => line.startsWith('tcp-port-tuner:')) };
    },
    close: () => prefix.stop(),
  };
}

function skipped(reason: string): Bed {
  const none = () => Promise.reject(new Error(reason));
  return { skip: reason, prefix: undefined as unknown as WindowsPrefix, regTool: { scratch: '', reg: none }, cli: none, close: async () => {} };
}

/** `C:\ProgramData\TCP Port Tuner` as a Linux path inside the prefix. */
export function dataFolder(prefix: WindowsPrefix): string {
  return prefix.drive(DATA_FOLDER);
}

export { windowsPath };
