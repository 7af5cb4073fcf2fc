// probe as a Windows program: Windows' node.exe runs the CLI bundle under Wine and reaches the
// host's loopback, where Debian's MariaDB listens. A refused connection arrives as Windows
// reports it: ECONNREFUSED with Windows' errno -4078 (Linux's is -111).
import assert from 'node:assert/strict';
import { after, describe, it, type TestContext } from 'node:test';
import { withBed } from '../helpers/windows-mode/with-bed';
import { mariadbMissing, startMariaDb, type MariaDb } from '../helpers/mariadb';

describe('probe as a win32 process', () => {
  let server: MariaDb | null = null;
  const bed = withBed('probe', async () => {
    if (!mariadbMissing) server = await startMariaDb();
  });
  after(() => server?.stop());
  const skipped = (t: TestContext) => bed.skipped(t) || (mariadbMissing ? (t.skip(mariadbMissing), true) : false);

  it('meets a real MariaDB: reachable, exit 0; then, the server stopped, refused with errno -4078, exit 9', async (t) => {
    if (skipped(t)) return;
    const target = `127.0.0.1:${server!.port}`;
    const up = await bed.cli(['probe', target, '--json']);
    assert.equal(up.code, 0, up.stderr);
    const reached = JSON.parse(up.stdout);
    assert.equal(reached.class, 'reachable');
    assert.equal(reached.errno, 1045);
    assert.match(reached.server, /MariaDB/);

    await server!.stop();
    const down = await bed.cli(['probe', target, '--json']);
    assert.equal(down.code, 9, down.stderr);
    const refused = JSON.parse(down.stdout);
    assert.equal(refused.class, 'refused');
    assert.equal(refused.code, 'ECONNREFUSED');
    assert.equal(refused.errno, -4078, "Windows' errno, as Windows' Node reports it");
  });
});
