/** The renderer's ring of samples and the data folder check: bounded history, and an unwritable folder said in words with the fix. */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PoolSample } from '../../shared/pool-sample';
import { pushSample } from '../../renderer/wizard/usePoolSampling';
import { checkDataFolder } from '../../electron/services/diagnosis/data-folder-check';

const sample = (at: number): PoolSample => ({ at, tcp: null, pool: { ipv4: null, ipv6: null }, events: null, alert: null, unavailable: { tcp: 'x' } });

describe('the live ring', () => {
  it('keeps thirty minutes of samples and drops older ones, however long the page stays open', () => {
    let ring: PoolSample[] = [];
    for (let i = 0; i < 2000; i++) ring = pushSample(ring, sample(i * 3000));
    assert.equal(ring.length, 601);
    assert.equal(ring[0].at, (2000 - 601) * 3000);
    assert.equal(ring.at(-1)!.at, 1999 * 3000);
  });

  it('drops a reply older than the newest, so late answers never reorder the chart', () => {
    const ring = pushSample([sample(10_000)], sample(5_000));
    assert.deepEqual(ring.map((kept) => kept.at), [5_000]);
  });
});

describe('the data folder check', () => {
  let dir: string;
  before(async () => (dir = await mkdtemp(path.join(tmpdir(), 'tuner-folder-'))));
  after(() => rm(dir, { recursive: true, force: true }));

  it('writes and removes one empty file where it can', async () => {
    const folder = path.join(dir, 'data');
    assert.deepEqual(await checkDataFolder(folder), { folder, problem: null, fix: null });
    assert.deepEqual(await readdir(folder), []);
  });

  it('says a file stands in the way, and what to do', async () => {
    const file = path.join(dir, 'not-a-folder');
    await writeFile(file, '');
    const found = await checkDataFolder(path.join(file, 'TCP Port Tuner'));
    assert.equal(found.problem, `a file stands where ${path.join(file, 'TCP Port Tuner')} or a folder above it should be`);
    assert.equal(found.fix, 'Move that file away (or rename it), or name a folder you can write in TCP_PORT_TUNER_DATA_DIR.');
  });
});
