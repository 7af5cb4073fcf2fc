/**
 * Windows' own failures, injected as the sockets Windows' Node hands over (libuv's codes and
 * Windows' errnos), and the protocol edges a real server here does not produce.
 */
import assert from 'node:assert/strict';
import { createServer, Socket, type AddressInfo } from 'node:net';
import { test } from 'node:test';
import { probe, type Connect } from '../../../../../electron/services/probe/probe';
import { packet } from '../../../../../electron/services/probe/packets';

/** A socket that fails as Windows' Node reports `code` with Windows' `errno`. */
function failingWith(code: string, errno: number, syscall = 'connect'): Connect {
  return ({ host, port }) => {
    const socket = new Socket();
    const error = Object.assign(new Error(`${syscall} ${code} ${host}:${port}`), { code, errno, syscall });
    process.nextTick(() => socket.destroy(error));
    return socket;
  };
}
const request = { host: 'db01', port: 3306, timeoutMs: 5000 };

for (const [winsock, code, errno, expected] of [
  [10048, 'EADDRINUSE', -4091, 'ports-exhausted'],
  [10055, 'ENOBUFS', -4060, 'ports-exhausted'],
  [10049, 'EADDRNOTAVAIL', -4090, 'ports-exhausted'],
  [10061, 'ECONNREFUSED', -4078, 'refused'],
  [10060, 'ETIMEDOUT', -4039, 'timeout'],
  [10065, 'EHOSTUNREACH', -4062, 'unreachable'],
] as const) {
  test(`Windows' ${winsock} (${code}, errno ${errno}) is ${expected}`, async () => {
    const found = await probe(request, failingWith(code, errno));
    assert.equal(found.class, expected);
    assert.equal(found.code, code);
    assert.equal(found.errno, errno, 'errno as Windows reported it');
    assert.equal(found.phase, 'none');
    assert.equal(found.target, 'db01:3306');
  });
}

test('classifies by the code alone: an errno Linux would give for another error changes nothing', async () => {
  // -111 is ECONNREFUSED on Linux; the code says EADDRINUSE, and the code wins.
  assert.equal((await probe(request, failingWith('EADDRINUSE', -111))).class, 'ports-exhausted');
});

test("a source address that is not this machine's fails its bind: an error, not the ports", async () => {
  const found = await probe({ ...request, sourceAddress: '10.9.9.9' }, failingWith('EADDRNOTAVAIL', -99, 'bind'));
  assert.equal(found.class, 'error');
});

test('an unknown host name: name-not-found', async () => {
  assert.equal((await probe(request, failingWith('ENOTFOUND', -3008, 'getaddrinfo'))).class, 'name-not-found');
});

/** A one-shot server that writes `first` on connect (or nothing), for what real servers here do not send. */
async function serving(
  first: Buffer | null,
  then?: (socket: Socket) => void,
): Promise<{ port: number; close(): void }> {
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    if (first) socket.write(first);
    then?.(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

test('a peer that is not MySQL (an HTTP server, say) is an error that says so', async () => {
  const server = await serving(Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n'));
  try {
    const found = await probe({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 });
    assert.equal(found.class, 'error');
    assert.match(found.message, /does not speak MySQL's protocol/);
  } finally {
    server.close();
  }
});

test('an ERR instead of the greeting with a SQL state is read as well as one without', async () => {
  const payload = Buffer.concat([Buffer.from([0xff, 0x10, 0x04]), Buffer.from('#08004Too many connections')]);
  const server = await serving(packet(0, payload), (socket) => socket.end());
  try {
    const found = await probe({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 });
    assert.equal(found.class, 'too-many-connections');
    assert.equal(found.message, '1040 Too many connections');
  } finally {
    server.close();
  }
});
