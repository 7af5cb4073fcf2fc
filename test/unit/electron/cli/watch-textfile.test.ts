/**
 * `watch --textfile`: Prometheus' text format as a real parser of it reads it (the npm port of
 * the Prometheus client's own parser), and a replacement the textfile collector can never
 * catch half written.
 */
import assert from 'node:assert/strict';
import { mkdtemp, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import type { PoolSample } from '../../../../shared/pool-sample';
import { verdict } from '../../../../shared/pool-trend';
import { metricsText, writeTextfile } from '../../../../electron/cli/watch-textfile';

const at = Date.parse('2026-12-01T22:00:00Z');
const sample = (seconds: number, timeWait: number): PoolSample => ({
  at: at + seconds * 1000,
  tcp: {
    sockets: timeWait + 12,
    bound: 0,
    held: { ipv4: { timeWait, established: 10, other: 1 }, ipv6: { timeWait: 0, established: 1, other: 0 } },
    remotes: [],
    processes: null,
    serverTimeWait: [{ port: 3306, process: 'mysqld.exe', timeWait: 40 }],
  },
  pool: { ipv4: 16384, ipv6: null },
  events: { count: 3, latest: null },
  alert: null,
  unavailable: { 'dynamic.ipv6': 'netsh exited with 1', listening: 'a "quoted"\\reason' },
});

describe('watch --textfile', () => {
  let dir: string;
  before(async () => (dir = await mkdtemp(path.join(tmpdir(), 'tuner-textfile-'))));
  after(() => rm(dir, { recursive: true, force: true }));

  it('writes gauges a Prometheus parser reads back to the same figures', () => {
    const ring = [sample(0, 1000), sample(5, 1100)];
    const families = parsePrometheusTextFormat(metricsText(ring[1], ring, verdict(ring, 80)));
    const value = (name: string, labels: Record<string, string> = {}) =>
      families
        .find((family) => family.name === name)
        ?.metrics.find((metric) => Object.entries(labels).every(([key, label]) => metric.labels?.[key] === label))
        ?.value;
    assert.ok(families.every((family) => family.type === 'GAUGE'));
    assert.equal(value('tcp_port_tuner_ports_held', { family: 'ipv4', state: 'time_wait' }), '1100');
    assert.equal(value('tcp_port_tuner_ports_held', { family: 'ipv6', state: 'established' }), '1');
    assert.equal(value('tcp_port_tuner_pool_ports', { family: 'ipv4' }), '16384');
    assert.equal(Number(value('tcp_port_tuner_pool_share', { family: 'ipv4' })), 1111 / 16384);
    assert.equal(Number(value('tcp_port_tuner_fill_rate_ports_per_second', { family: 'ipv4' })), 20);
    assert.equal(Number(value('tcp_port_tuner_seconds_to_full', { family: 'ipv4' })), (16384 - 1111) / 20);
    assert.equal(value('tcp_port_tuner_server_time_wait', { port: '3306' }), '40');
    assert.equal(value('tcp_port_tuner_exhaustion_events_7d'), '3');
    assert.equal(value('tcp_port_tuner_verdict', { level: 'warned' }), '1');
    assert.equal(value('tcp_port_tuner_alert'), '0');
    assert.equal(value('tcp_port_tuner_part_read', { part: 'listening' }), '0');
    assert.equal(Number(value('tcp_port_tuner_sample_timestamp_seconds')), (at + 5000) / 1000);
    // The IPv6 pool was not read: its share is absent, not a made-up 0.
    assert.equal(value('tcp_port_tuner_pool_ports', { family: 'ipv6' }), undefined);
    assert.equal(value('tcp_port_tuner_pool_share', { family: 'ipv6' }), undefined);
  });

  it('replaces the file by renaming a finished one over it, leaving no temporary file', async () => {
    const file = path.join(dir, 'tcp-port-tuner.prom');
    await writeTextfile(file, 'tcp_port_tuner_alert 0\n');
    const before = await stat(file);
    // A reader that opened the old file (as the collector may, mid-scrape) keeps reading the old file whole.
    const reader = await open(file, 'r');
    await writeTextfile(file, `${'# padding\n'.repeat(1000)}tcp_port_tuner_alert 1\n`);
    assert.equal(await reader.readFile('utf8'), 'tcp_port_tuner_alert 0\n');
    await reader.close();
    const now = await stat(file);
    assert.notEqual(now.ino, before.ino, 'a new file took the name: it was renamed over, not rewritten in place');
    assert.match(await readFile(file, 'utf8'), /tcp_port_tuner_alert 1\n$/);
    assert.deepEqual(await readdir(dir), ['tcp-port-tuner.prom']);
  });
});
