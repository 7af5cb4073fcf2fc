/**
 * The product's CLI run as a user runs it, on a prefix and a data folder of the test's choosing,
 * and what it leaves behind read without the product's code.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { run, start, type Run, type Started } from './processes';
import type { WinePrefix } from './wine-prefix';

const REPO_ROOT = path.resolve(__dirname, '../..');
const CLI = ['--import', 'tsx', 'electron/cli/tcp-port-tuner.ts'];

/** The environment the product needs to work on this prefix with its own data folder. */
export function productEnv(prefix: WinePrefix, dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...prefix.env, TCP_PORT_TUNER_DATA_DIR: dataDir, ...extra };
}

/** `npm run -s cli -- <args>`, without npm in between. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return run(process.execPath, [...CLI, ...args], { env, cwd: REPO_ROOT });
}

/** The CLI started, to be killed at a moment the test picks. */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv): Started {
  return start(process.execPath, [...CLI, ...args], { env, cwd: REPO_ROOT, group: true });
}

/** The CLI's own lines on stderr; Wine adds noise of its own there. */
export function cliMessages(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('tcp-port-tuner:'));
}

/** The product's journal as it lies on disk, read without the product's code. */
export async function readJournal(dataDir: string): Promise<{ pending: unknown; history: { action: string }[] }> {
  return JSON.parse(await readFile(path.join(dataDir, 'journal.json'), 'utf8'));
}
