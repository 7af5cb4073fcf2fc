/** Checks the probe's tests make from the kernel's side and the server's. */
import { execFile } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** TCP sockets in TIME_WAIT whose local address is `address`, as iproute2's ss lists them. */
export async function timeWaitFrom(address: string): Promise<string[]> {
  const { stdout } = await run('/usr/bin/ss', ['-Htan', 'state', 'time-wait', 'src', address]);
  return stdout.split('\n').filter((line) => line.trim() !== '');
}

/** TCP sockets in TIME_WAIT towards `address` (the server's side of a connection it closed). */
export async function timeWaitTo(address: string): Promise<string[]> {
  const { stdout } = await run('/usr/bin/ss', ['-Htan', 'state', 'time-wait', 'dst', address]);
  return stdout.split('\n').filter((line) => line.trim() !== '');
}

/**
 * Polls `check` until it holds: for state another process changes on its own time (a server
 * counting an error). Bounded: fails after 10 s, naming what it waited for.
 */
export async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await delay(50);
  }
  throw new Error(`gave up waiting for ${what}`);
}
