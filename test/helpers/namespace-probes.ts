/**
 * Run inside a private network namespace (see test/mariadb/probe-namespace.test.ts), whose
 * only interface is loopback: prints, one JSON line each, a probe of an address no route
 * leads to, then one of a listener once every port of the 10-port ephemeral range is held by
 * a client-closed connection in TIME_WAIT.
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
  process.stdout.write(`${JSON.stringify(await probe({ host: '10.255.255.1', port: PORT, timeoutMs: 5000 }))}\n`);
  const server = createServer((socket) => socket.on('error', () => undefined));
  await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
  for (let i = 0; i < RANGE; i++) await connectAndClose();
  const found = await probe({ host: '127.0.0.1', port: PORT, timeoutMs: 5000 });
  process.stdout.write(`${JSON.stringify(found)}\n`);
  server.close();
}

void main();
