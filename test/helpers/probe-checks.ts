/** Checks the probe's tests make from the kernel's side and the server's. */
import { execFile } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
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

/** A port nothing listens on now: the kernel's choice for a listener closed at once. */
export function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A stand-in for a full MySQL server: it answers every connection with ERR 1040 instead of the
 * greeting, as MySQL does (0xFF, the code, the message; no SQL state), then closes.
 */
export async function refusingServer(): Promise<{ port: number; close(): void }> {
  const message = Buffer.from('Too many connections');
  const payload = Buffer.concat([Buffer.from([0xff, 1040 & 0xff, 1040 >> 8]), message]);
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.end(Buffer.concat([Buffer.from([payload.length, 0, 0, 0]), payload]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}
