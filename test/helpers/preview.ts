/**
 * The browser preview as the e2e tests, the preview server's own tests and the benchmark start
 * it, and the Chromium they all drive it with.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../..');

export interface RunningPreview {
  url: string;
  /** Stops the server and waits until it has exited, so its folders can be removed. */
  stop(): Promise<void>;
}

/** Starts `electron/preview/server.ts` with `env` and waits (30 s at most) for its ready line. */
export async function startPreview(env: NodeJS.ProcessEnv): Promise<RunningPreview> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'electron/preview/server.ts'], {
    env,
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The preview server was not ready within 30 s.')), 30_000);
    let seen = '';
    server.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /Preview ready at (\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The preview server exited with ${code} before it was ready.`));
    });
  }).catch(async (error: unknown) => {
    server.kill('SIGTERM');
    throw error;
  });
  return {
    url,
    stop: async () => {
      server.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Debian's Chromium (Playwright's own download cannot reach its host from here), started as
 * root without its sandbox, and kept from calling out to services this machine cannot reach.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
