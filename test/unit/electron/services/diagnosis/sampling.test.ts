/**
 * Live sampling on the main side: netstat each time, the slow parts once a minute, server-side
 * TIME_WAIT grouped by listening port (from a Windows capture with listening rows), and the
 * alert's snapshots: one a minute at most, the last twenty kept, each with netstat's own rows.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tallyNetstat } from '../../../../../electron/services/diagnosis/netstat-stream';
import { parseTasklist } from '../../../../../electron/services/diagnosis/tasklist';
import { DiagnosisService } from '../../../../../electron/services/diagnosis/diagnosis-service';
import type { Context } from '../../../../../electron/services/diagnosis/reads';
import { PoolSampler } from '../../../../../electron/services/diagnosis/sampling';
import { SnapshotStore, SNAPSHOTS_KEPT } from '../../../../../electron/services/diagnosis/snapshots';

const FIXTURES = path.resolve(__dirname, '../../../../fixtures/windows');

describe('pool sampling', () => {
  let raw: string;
  let names: Map<number, string>;
  let dir: string;
  before(async () => {
    raw = await readFile(path.join(FIXTURES, 'netstat-server.txt'), 'utf8');
    names = parseTasklist(await readFile(path.join(FIXTURES, 'tasklist.csv'), 'utf8'));
    dir = await mkdtemp(path.join(tmpdir(), 'tuner-sampling-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  /** The real composition over a fixed capture; `count` is how many sockets the range holds. */
  function sampler(range: { start: number; count: number }, now: { t: number }, store: SnapshotStore | null) {
    const calls = { context: 0, sockets: 0 };
    const service = new DiagnosisService({ nativeNetstat: true } as never);
    const context: Context = {
      names: { ok: true, value: names },
      dynamic: { ipv4: { ok: true, value: range }, ipv6: { ok: false, reason: 'netsh exited with 1' } },
      excluded: { ipv4: { ok: true, value: [] }, ipv6: { ok: true, value: [] } },
      events: { ok: true, value: { count: 0, latest: null, byId: { 4227: 0, 4231: 0 } } },
      values: { ok: false, reason: 'not asked' },
    };
    const fake = {
      tallySockets: async () => (
        calls.sockets++,
        { sockets: { ok: true as const, value: tallyNetstat(raw) }, raw: () => raw }
      ),
      readContext: async () => (calls.context++, context),
      compose: service.compose.bind(service),
    };
    return { calls, sampler: new PoolSampler(fake, store, () => now.t) };
  }

  it('reports TIME_WAIT a server here closed first apart, per listening port, with its program', async () => {
    const { sampler: live } = sampler({ start: 49152, count: 16384 }, { t: 0 }, null);
    const sample = await live.sample(80);
    assert.deepEqual(sample.tcp?.serverTimeWait, [
      { port: 3306, process: 'mysqld.exe', timeWait: 4 },
      { port: 8080, process: 'java.exe', timeWait: 1 },
    ]);
    // Only the client side counts as held: two TIME_WAIT and one open connection of this host's own, one over IPv6.
    assert.deepEqual(sample.tcp?.held, {
      ipv4: { timeWait: 2, established: 1, other: 0 },
      ipv6: { timeWait: 1, established: 0, other: 0 },
    });
    assert.deepEqual(sample.pool, { ipv4: 16384, ipv6: null });
    assert.equal(sample.unavailable['dynamic.ipv6'], 'netsh exited with 1');
  });

  it('reads netstat every sample and the rest once a minute', async () => {
    const now = { t: 0 };
    const { sampler: live, calls } = sampler({ start: 49152, count: 16384 }, now, null);
    for (const t of [0, 5_000, 59_000, 61_000]) {
      now.t = t;
      await live.sample(80);
    }
    assert.deepEqual(calls, { sockets: 4, context: 2 });
  });

  it('past the threshold saves one snapshot a minute with the diagnosis and netstat rows, and keeps the last twenty', async () => {
    const folder = path.join(dir, 'data');
    const now = { t: Date.parse('2026-12-01T22:00:00Z') };
    // A range of 255 ports holding 4 of this host's sockets: 2%, over a 1% threshold.
    const { sampler: live } = sampler({ start: 65281, count: 255 }, now, new SnapshotStore(folder));
    const first = await live.sample(1);
    assert.equal(first.alert?.note, 'saved');
    const saved = JSON.parse(await readFile(first.alert!.snapshot!, 'utf8'));
    assert.equal(saved.threshold, 1);
    assert.ok(
      saved.netstatRows.includes('  TCP    0.0.0.0:3306           0.0.0.0:0              LISTENING       4242'),
    );
    assert.equal(saved.diagnosis.tcp.serverTimeWait[0].port, 3306);

    now.t += 30_000;
    const soon = await live.sample(1);
    assert.equal(soon.alert?.snapshot, null);
    assert.match(soon.alert!.note, /^one was saved less than a minute ago: /);

    for (let i = 0; i < 25; i++) {
      now.t += 61_000;
      assert.equal((await live.sample(1)).alert?.note, 'saved');
    }
    const files = (await readdir(path.join(folder, 'snapshots'))).sort();
    assert.equal(files.length, SNAPSHOTS_KEPT);
    assert.equal(files.at(-1), `snapshot-${new Date(now.t).toISOString().replace(/[:.]/g, '-')}.json`);
    assert.ok(
      files.every((file) => file.endsWith('.json')),
      'no temporary file is left behind',
    );
  });

  it('under the threshold saves nothing', async () => {
    const { sampler: live } = sampler(
      { start: 49152, count: 16384 },
      { t: 0 },
      new SnapshotStore(path.join(dir, 'calm')),
    );
    assert.equal((await live.sample(80)).alert, null);
    await assert.rejects(readdir(path.join(dir, 'calm', 'snapshots')), { code: 'ENOENT' });
  });

  it('says why a snapshot could not be saved, and the sample still arrives', async () => {
    const blocked = path.join(dir, 'blocked');
    await import('node:fs/promises').then(({ writeFile }) => writeFile(blocked, ''));
    const { sampler: live } = sampler({ start: 65281, count: 255 }, { t: 0 }, new SnapshotStore(blocked));
    const sample = await live.sample(1);
    assert.ok(sample.tcp);
    assert.match(sample.alert!.note, /^could not be saved in .*blocked.snapshots: /);
  });
});
