/**
 * Run inside a private network namespace (see test/mariadb/probe-ports-exhausted.test.ts):
 * takes every port of the namespace's 10-port ephemeral range with client-closed connections,
 * which then sit in TIME_WAIT, and prints one probe of the same listener as JSON.
 */
import { connect, createServer } from 'node:net';
import { probe } from '../../electron/services/probe/probe';

const PORT = 3306;
const RANGE = 10;

function connectAndClose(): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: PORT }, () => socket.end());
    socket.once('close', () => resolve());
    socket.once('error', reject);
  });
}

async function main(): Promise<void> {
  const server = createServer((socket) => socket.on('error', () => undefined));
  await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
  for (let i = 0; i < RANGE; i++) await connectAndClose();
  const found = await probe({ host: '127.0.0.1', port: PORT, timeoutMs: 5000 });
  process.stdout.write(`${JSON.stringify(found)}\n`);
  server.close();
}

void main();
