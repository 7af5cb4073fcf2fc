/**
 * The probe's safety, read from the server's own counters and the kernel: probing does not
 * move max_connect_errors' count (performance_schema.host_cache), and the server closes first,
 * so the probing side holds no TIME_WAIT. A bare connect, by contrast, is counted.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { probe } from '../../electron/services/probe/probe';
import { mariadbMissing, startMariaDb } from '../helpers/mariadb';
import { timeWaitFrom, timeWaitTo } from '../helpers/probe-checks';

const SOURCE = '127.0.0.3';

test(
  'probes without credentials leave SUM_CONNECT_ERRORS at 0 and no TIME_WAIT on the probing side',
  { skip: mariadbMissing ?? false },
  async () => {
    const server = await startMariaDb(['--max-connect-errors=2', '--performance-schema=ON']);
    try {
      await server.sql(`CREATE USER 'app'@'${SOURCE}' IDENTIFIED BY 'pw'`);
      // Five probes, more than max_connect_errors: one counted each would have blocked the host.
      for (let i = 0; i < 5; i++) {
        const found = await probe({ host: '127.0.0.1', port: server.port, timeoutMs: 5000, sourceAddress: SOURCE });
        assert.equal(found.class, 'reachable', found.message);
      }
      const row = await server.sql(
        `SELECT SUM_CONNECT_ERRORS, COUNT_HANDSHAKE_ERRORS FROM performance_schema.host_cache WHERE IP = '${SOURCE}'`,
      );
      assert.equal(row.trim(), '0\t0', 'the server saw the probes (a host_cache row) and counted no error');
      assert.deepEqual(await timeWaitFrom(SOURCE), [], 'no TIME_WAIT on the probing side');
      const serverSide = (await timeWaitTo(SOURCE)).filter((line) => line.includes(`127.0.0.1:${server.port} `));
      assert.equal(serverSide.length, 5, `the server closed each of the five first:\n${serverSide.join('\n')}`);
    } finally {
      await server.stop();
    }
  },
);
