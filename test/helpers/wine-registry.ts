/**
 * A Wine prefix of its own for a test run, and independent checks of its registry: these call
 * `wine reg.exe` directly, never the product's code.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters';

export class WineRegistry {
  readonly env: NodeJS.ProcessEnv;

  constructor(readonly prefix: string) {
    this.env = { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all' };
  }

  async reg(...args: string[]): Promise<{ code: number; stdout: string }> {
    try {
      const { stdout } = await run('wine', ['reg.exe', ...args], { env: this.env });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string };
      return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '' };
    }
  }

  /** `TYPE DATA` of a value as `reg query` shows it, or null when it is absent. */
  async value(name: string): Promise<string | null> {
    const { code, stdout } = await this.reg('query', KEY, '/v', name);
    if (code !== 0) return null;
    const line = stdout.split(/\r?\n/).find((text) => text.trimStart().toLowerCase().startsWith(`${name.toLowerCase()} `));
    return line ? line.trim().split(/\s{4}/).slice(1).join(' ').trim() : null;
  }

  async set(name: string, type: string, data: string): Promise<void> {
    const { code } = await this.reg('add', KEY, '/v', name, '/t', type, '/d', data, '/f');
    if (code !== 0) throw new Error(`wine reg add ${name} failed with ${code}`);
  }

  async remove(name: string): Promise<void> {
    await this.reg('delete', KEY, '/v', name, '/f');
  }

  /** Both values gone, as on a machine nobody has tuned. */
  async reset(): Promise<void> {
    await this.remove('MaxUserPort');
    await this.remove('TcpTimedWaitDelay');
  }

  async dispose(): Promise<void> {
    await run('wineserver', ['-k'], { env: this.env }).catch(() => undefined);
    await rm(this.prefix, { recursive: true, force: true });
  }
}

/**
 * Makes a prefix, waits until Wine has written its registry files, then keeps a server running
 * so each later `wine reg` call takes a tenth of a second instead of several.
 */
export async function createWinePrefix(): Promise<WineRegistry> {
  const wine = new WineRegistry(await mkdtemp(path.join(tmpdir(), 'tuner-wine-')));
  await run('wineboot', ['-i'], { env: wine.env });
  await run('wineserver', ['-w'], { env: wine.env });
  await run('wineserver', ['-p'], { env: wine.env });
  return wine;
}
