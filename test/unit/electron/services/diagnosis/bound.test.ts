/**
 * Bound but unconnected sockets (Microsoft's `netstat -anoq`, state BOUND) hold ports as
 * connections do: counted in the diagnosis, the sample, watch's line and textfile; and "not
 * read", with the reason, where netstat cannot list them (Wine's has no -q).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { watchJson, watchLine } from '../../../../../electron/cli/watch-output';
import { metricsText } from '../../../../../electron/cli/watch-textfile';
import { DiagnosisService } from '../../../../../electron/services/diagnosis/diagnosis-service';
import type { Context } from '../../../../../electron/services/diagnosis/reads';
import { tallyNetstat } from '../../../../../electron/services/diagnosis/netstat-stream';
import { sampleOf } from '../../../../../shared/pool-sample';
import { verdict } from '../../../../../shared/pool-trend';

const capture = readFileSync(path.resolve(__dirname, '../../../../fixtures/windows/netstat-anoq-en.txt'), 'utf8');
const context: Context = {
  names: {
    ok: true,
    value: new Map([
      [7310, 'java.exe'],
      [1052, 'svchost.exe'],
    ]),
  },
  dynamic: {
    ipv4: { ok: true, value: { start: 49152, count: 16384 } },
    ipv6: { ok: true, value: { start: 49152, count: 16384 } },
  },
  excluded: { ipv4: { ok: true, value: [] }, ipv6: { ok: true, value: [] } },
  events: { ok: true, value: { count: 0, latest: null, byId: { 4227: 0, 4231: 0 } } },
  values: { ok: false, reason: 'not asked' },
};
const diagnose = (nativeNetstat: boolean) =>
  new DiagnosisService({ nativeNetstat } as never).compose({ ok: true, value: tallyNetstat(capture) }, context);

test('netstat -anoq: BOUND counted, held as ports, owned by their process, listed under no remote', () => {
  const diagnosis = diagnose(true);
  const tcp = diagnosis.tcp!;
  assert.equal(tcp.states.BOUND, 4);
  assert.deepEqual(tcp.held.ipv4, { timeWait: 1, established: 1, other: 3 });
  assert.deepEqual(tcp.held.ipv6, { timeWait: 0, established: 0, other: 1 });
  assert.deepEqual(tcp.processes?.[0], { pid: 7310, name: 'java.exe', timeWait: 0, established: 1, other: 3 });
  assert.deepEqual(
    tcp.remotes.map((remote) => `${remote.address}:${remote.port}`),
    ['10.0.0.5:3306'],
    'no 0.0.0.0:0 "remote"',
  );
  assert.equal(diagnosis.unavailable.bound, undefined);

  const sample = sampleOf(diagnosis, Date.parse('2026-12-07T15:00:00Z'));
  assert.equal(sample.tcp?.bound, 4);
  const found = verdict([sample], 80);
  assert.equal(watchJson(sample, found).bound, 4);
  assert.match(watchLine(sample, found), /  bound 4  /);
  const families = parsePrometheusTextFormat(metricsText(sample, [sample], found));
  const bound = families.find((family) => family.name === 'tcp_port_tuner_ports_bound');
  assert.deepEqual(
    bound?.metrics.map((row) => ('value' in row ? row.value : null)),
    ['4'],
  );
});

test("Wine's netstat (no -q): bound sockets not read, with the reason, never 0", () => {
  const diagnosis = diagnose(false);
  assert.equal(diagnosis.unavailable.bound, "Wine's netstat has no -q, which lists bound sockets");
  const sample = sampleOf(diagnosis, Date.parse('2026-12-07T15:00:00Z'));
  assert.equal(sample.tcp?.bound, null);
  const found = verdict([sample], 80);
  assert.equal(watchJson(sample, found).bound, null);
  assert.doesNotMatch(watchLine(sample, found), /bound/);
  const text = metricsText(sample, [sample], found);
  assert.doesNotMatch(text, /ports_bound/);
  assert.match(text, /part_read\{part="bound"\} 0/);
});
