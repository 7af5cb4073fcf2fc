/**
 * `watch --probe`: each sample carries what a real MariaDB answered, in the JSON line and in the
 * Prometheus textfile (the class as a label value, with the target and the time). The pool's
 * side comes from a fixed sample here; test/wine/watch.test.ts reads it for real.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { runWatch } from '../../electron/cli/watch';
import type { PoolSample } from '../../shared/pool-sample';
import { mariadbMissing, startMariaDb } from '../helpers/mariadb';
import { tempFolder } from '../helpers/temp-folder';

const sample = (): PoolSample => ({
  at: Date.now(),
  tcp: {
    sockets: 12,
    bound: 0,
    held: { ipv4: { timeWait: 100, established: 10, other: 1 }, ipv6: { timeWait: 0, established: 0, other: 0 } },
    remotes: [],
    processes: null,
    serverTimeWait: null,
  },
  pool: { ipv4: 16384, ipv6: 16384 },
  events: null,
  alert: null,
  unavailable: {},
});

const temp = tempFolder('watch-probe');

test(
  'watch --probe: the JSON sample and the textfile carry what MySQL answered',
  { skip: mariadbMissing ?? false },
  async () => {
    const server = await startMariaDb();
    const textfile = path.join(temp.path, 'tuner.prom');
    const lines: string[] = [];
    try {
      const options = {
        interval: 1,
        count: 2,
        textfile,
        threshold: 80,
        json: true,
        probe: { host: '127.0.0.1', port: server.port },
      };
      await runWatch(
        options,
        { sample: async () => sample() },
        (line) => lines.push(line),
        new AbortController().signal,
      );
      const samples = lines.map((line) => JSON.parse(line));
      assert.deepEqual(
        samples.map((found) => found.probe?.class),
        ['reachable', 'reachable'],
      );
      assert.equal(samples[0].probe.target, `127.0.0.1:${server.port}`);
      assert.equal(samples[0].heldByFamily.ipv4.timeWait, 100, 'the pool and MySQL side by side');

      const families = parsePrometheusTextFormat(await readFile(textfile, 'utf8'));
      const metric = (name: string) => families.find((family) => family.name === name)?.metrics ?? [];
      const inForce = metric('tcp_port_tuner_probe_class').filter((row) => 'value' in row && row.value === '1');
      assert.deepEqual(
        inForce.map((row) => row.labels),
        [{ target: `127.0.0.1:${server.port}`, class: 'reachable' }],
      );
      const when = metric('tcp_port_tuner_probe_timestamp_seconds')[0];
      assert.ok(
        when && 'value' in when && Math.abs(Number(when.value) * 1000 - Date.parse(samples[1].probe.at)) < 1,
        'the time of the last probe',
      );
    } finally {
      await server.stop();
    }
  },
);
