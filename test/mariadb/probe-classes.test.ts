/**
 * Each class the probe reports, caused for real against Debian's MariaDB: the server's own
 * refusals (1040, 1129, 1130), a stopped server, a listener that never greets. Loopback only.
 */
import assert from 'node:assert/strict';
import { connect, createServer } from 'node:net';
import { constants } from 'node:os';
import { test } from 'node:test';
import { probe } from '../../electron/services/probe/probe';
import { mariadbMissing, startMariaDb, type MariaDb } from '../helpers/mariadb';
import { timeWaitFrom, waitFor } from '../helpers/probe-checks';

const skip = mariadbMissing ?? false;
const at = (server: MariaDb, extra: { sourceAddress?: string; account?: { user: string; password: string } } = {}) =>
  probe({ host: '127.0.0.1', port: server.port, timeoutMs: 5000, ...extra });

test(
  'a healthy server refuses the made-up login with 1045: reachable, after the whole handshake',
  { skip },
  async () => {
    const server = await startMariaDb();
    try {
      const found = await at(server);
      assert.equal(found.class, 'reachable');
      assert.equal(found.phase, 'auth');
      assert.equal(found.errno, 1045);
      assert.equal(found.code, 'ER_ACCESS_DENIED_ERROR');
      assert.match(found.server ?? '', /MariaDB/);
      assert.equal(found.target, `127.0.0.1:${server.port}`);
    } finally {
      await server.stop();
    }
  },
);

test('an account logs in and quits: ok; a wrong password is a refused login, not "reachable"', { skip }, async () => {
  const server = await startMariaDb();
  try {
    await server.sql("CREATE USER 'app'@'127.0.0.1' IDENTIFIED BY 'right horse battery'");
    const found = await at(server, { account: { user: 'app', password: 'right horse battery' } });
    assert.equal(found.class, 'ok', found.message);
    assert.equal(found.phase, 'auth');
    const wrong = await at(server, { account: { user: 'app', password: 'wrong' } });
    assert.equal(wrong.class, 'error');
    assert.equal(wrong.errno, 1045);
    assert.match(wrong.lever, /max_password_errors/);
  } finally {
    await server.stop();
  }
});

test(
  '1040 arrives instead of the greeting once every slot is taken; at exactly max_connections only an account sees it',
  { skip },
  async () => {
    const server = await startMariaDb(['--max-connections=10']);
    try {
      await server.sql("CREATE USER 'app'@'127.0.0.1' IDENTIFIED BY 'pw'");
      await Promise.all(Array.from({ length: 10 }, () => server.holdSession()));
      // The blind spot: the server keeps one slot for an admin, so the made-up login still gets 1045.
      assert.equal((await at(server)).class, 'reachable');
      const account = await at(server, { account: { user: 'app', password: 'pw' } });
      assert.equal(account.class, 'too-many-connections', account.message);
      await server.holdSession(); // the admin's extra slot
      const full = await at(server);
      assert.equal(full.class, 'too-many-connections');
      assert.equal(full.errno, 1040);
      assert.equal(full.code, 'ER_CON_COUNT_ERROR');
      assert.equal(full.phase, 'greeting');
      assert.equal(full.server, null, 'no greeting came');
      assert.match(full.lever, /max_connections/);
    } finally {
      await server.stop();
    }
  },
);

test('1129: bare connects from 127.0.0.2 past max_connect_errors block the host', { skip }, async () => {
  const server = await startMariaDb(['--max-connect-errors=2', '--performance-schema=ON']);
  try {
    await server.sql("CREATE USER 'app'@'127.0.0.2' IDENTIFIED BY 'pw'");
    let found = await at(server, { sourceAddress: '127.0.0.2' });
    assert.equal(found.class, 'reachable', 'not blocked before the bare connects');
    for (let errors = 1; errors <= 5 && found.class === 'reachable'; errors++) {
      await bareConnect(server.port, '127.0.0.2');
      await waitFor(
        `${errors} connect errors counted`,
        async () => (await connectErrors(server, '127.0.0.2')) === errors,
      );
      found = await at(server, { sourceAddress: '127.0.0.2' });
    }
    assert.equal(found.class, 'host-blocked');
    assert.equal(found.errno, 1129);
    assert.equal(found.phase, 'greeting');
    assert.match(found.lever, /FLUSH HOSTS/);
    assert.equal((await at(server)).class, 'reachable', 'loopback 127.0.0.1 is never blocked');
  } finally {
    await server.stop();
  }
});

test('1130: a host no account may connect from', { skip }, async () => {
  const server = await startMariaDb();
  try {
    const found = await at(server, { sourceAddress: '127.0.0.4' });
    assert.equal(found.class, 'host-not-allowed');
    assert.equal(found.errno, 1130);
    assert.equal(found.phase, 'greeting');
  } finally {
    await server.stop();
  }
});

test("a stopped server: refused, by Node's code ECONNREFUSED (errno -111 here)", { skip }, async () => {
  const server = await startMariaDb();
  await server.stop();
  const found = await at(server);
  assert.equal(found.class, 'refused');
  assert.equal(found.code, 'ECONNREFUSED');
  assert.equal(found.errno, -constants.errno.ECONNREFUSED);
  assert.equal(found.phase, 'none');
});

test('a listener that never greets: timeout after TCP, and the probe leaves no TIME_WAIT behind', async () => {
  const silent = createServer((socket) => socket.on('error', () => undefined));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const port = (silent.address() as { port: number }).port;
    const found = await probe({ host: '127.0.0.1', port, timeoutMs: 1000, sourceAddress: '127.0.0.5' });
    assert.equal(found.class, 'timeout');
    assert.equal(found.phase, 'tcp');
    assert.ok(found.milliseconds >= 1000, `${found.milliseconds} ms`);
    assert.deepEqual(await timeWaitFrom('127.0.0.5'), [], 'no TIME_WAIT from the probing address');
  } finally {
    silent.close();
  }
});

function bareConnect(port: number, localAddress: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress }, () => socket.destroy());
    socket.once('close', () => resolve());
    socket.once('error', reject);
  });
}

async function connectErrors(server: MariaDb, ip: string): Promise<number | null> {
  const row = await server.sql(`SELECT SUM_CONNECT_ERRORS FROM performance_schema.host_cache WHERE IP = '${ip}'`);
  return row.trim() === '' ? null : Number(row.trim());
}
