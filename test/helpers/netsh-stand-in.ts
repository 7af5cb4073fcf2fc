/**
 * The netsh stand-in (test/stand-ins/netsh) as the Wine suites use it: seeded with a state of
 * their choosing, and read back from its own state file, never through the product.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProcessRunner } from '../../electron/services/host/process-runner';
import { productEnv } from './cli-run';
import { freshPath } from './temp-folder';
import type { WinePrefix } from './wine-prefix';

export const NETSH = path.resolve(__dirname, '../stand-ins/netsh');

export interface Exclusion {
  start: number;
  end: number;
  administered: boolean;
}
export interface Pool {
  start: number;
  count: number;
  exclusions: Exclusion[];
}
export type NetshState = { ipv4: Pool; ipv6: Pool };

export const DEFAULT_RANGE = { start: 49152, count: 16384 } as const;

/** A one-port exclusion as an admin (or this tool) adds it. */
export const one = (port: number): Exclusion => ({ start: port, end: port, administered: true });

/** A fresh state file, seeded with these exclusions in both families and the default range. */
export async function seedNetsh(root: string, exclusions: readonly Exclusion[] = []): Promise<string> {
  const file = freshPath(root, 'netsh-state.json');
  const pool = { ...DEFAULT_RANGE, exclusions: [...exclusions] };
  await writeFile(file, JSON.stringify({ ipv4: pool, ipv6: pool }));
  return file;
}

/** What netsh holds now, from the stand-in's own state. */
export async function netshState(file: string): Promise<NetshState> {
  if (!existsSync(file))
    return { ipv4: { ...DEFAULT_RANGE, exclusions: [] }, ipv6: { ...DEFAULT_RANGE, exclusions: [] } };
  return JSON.parse(await readFile(file, 'utf8')) as NetshState;
}

/** Changes the state as an admin typing netsh would. */
export async function editNetsh(file: string, edit: (state: NetshState) => void): Promise<void> {
  const state = await netshState(file);
  edit(state);
  await writeFile(file, JSON.stringify(state));
}

/** The product's environment on this prefix with its own data folder and this stand-in state. */
export function netshEnv(
  prefix: WinePrefix,
  dataDir: string,
  state: string,
  extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  return productEnv(prefix, dataDir, {
    TCP_PORT_TUNER_NETSH_COMMAND: NETSH,
    TCP_PORT_TUNER_STANDIN_STATE: state,
    ...extra,
  });
}

/**
 * A fake runner for netsh's single commands made to take `netsh -f FILE` as the stand-in and
 * Windows do: each line of the script answered in turn, the answers back to back, stopping at the
 * first command that fails.
 */
export function withNetshScripts(run: ProcessRunner): ProcessRunner {
  return async (file, args, env) => {
    if (args[0] !== '-f') return run(file, args, env);
    const lines = (await readFile(args[1], 'utf8')).split(/\r?\n/).filter((line) => line.trim());
    let stdout = '';
    for (const line of lines) {
      const result = await run(file, line.trim().split(/\s+/), env);
      stdout += result.stdout;
      if (result.code !== 0) return { ...result, stdout };
    }
    return { code: 0, stdout, stderr: '' };
  };
}
