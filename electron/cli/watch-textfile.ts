import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import { FAMILIES } from '../../shared/families';
import type { PoolSample } from '../../shared/pool-sample';
import { PROBE_CLASSES, type ProbeResult } from '../../shared/probe';
import type { Verdict } from '../../shared/pool-trend';
import { figuresOf } from '../../shared/pool-trend';
import { fileSystemReason } from '../services/backup/backup-folder';
import { TunerError } from '../services/errors';
import { notAFile, NotPlainError, replacePlain } from '../services/host/safe-file';

const PREFIX = 'tcp_port_tuner';
const LEVELS: readonly Verdict['level'][] = ['unknown', 'calm', 'warned', 'filling', 'running-out'];

interface Metric {
  name: string;
  help: string;
  rows: { labels?: Record<string, string>; value: number }[];
}

const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labelText = (labels: Record<string, string> | undefined) =>
  labels && Object.keys(labels).length > 0
    ? `{${Object.entries(labels)
        .map(([key, value]) => `${key}="${escape(value)}"`)
        .join(',')}}`
    : '';

/**
 * The figures in Prometheus' text exposition format (0.0.4), every one a gauge, for
 * windows_exporter's textfile collector. A figure that was not read is left out, not written
 * as 0: an absent series is what PromQL's `absent()` alerts on.
 */
export function metricsText(
  sample: PoolSample,
  samples: readonly PoolSample[],
  verdict: Verdict,
  probed: ProbeResult | null = null,
): string {
  const figures = FAMILIES.map((family) => figuresOf(samples, family));
  const perFamily = (pick: (found: NonNullable<(typeof figures)[number]>) => number | null) =>
    figures.flatMap((found) =>
      found && pick(found) !== null ? [{ labels: { family: found.family }, value: pick(found)! }] : [],
    );
  const held = sample.tcp
    ? FAMILIES.flatMap((family) =>
        (['timeWait', 'established', 'other'] as const).map((state) => ({
          labels: { family, state: state === 'timeWait' ? 'time_wait' : state },
          value: sample.tcp!.held[family][state],
        })),
      )
    : [];
  const metrics: Metric[] = [
    {
      name: 'ports_held',
      help: 'Ports held by outgoing TCP connections, by address family and state (netstat -ano).',
      rows: held,
    },
    {
      name: 'ports_bound',
      help: 'Bound but unconnected sockets (netstat -anoq, state BOUND); they hold ports too.',
      rows: sample.tcp?.bound == null ? [] : [{ value: sample.tcp.bound }],
    },
    {
      name: 'pool_ports',
      help: 'Ports in the dynamic port range less its exclusions (netsh).',
      rows: FAMILIES.flatMap((family) =>
        sample.pool[family] === null ? [] : [{ labels: { family }, value: sample.pool[family]! }],
      ),
    },
    { name: 'pool_share', help: 'Share of the pool held, 0 to 1.', rows: perFamily((found) => found.share) },
    {
      name: 'fill_rate_ports_per_second',
      help: 'Held ports gained per second over the last minute (negative when falling).',
      rows: perFamily((found) => found.rate),
    },
    {
      name: 'seconds_to_full',
      help: 'Seconds until the pool is full at the current fill rate; absent when it is not filling.',
      rows: perFamily((found) => found.secondsToFull),
    },
    {
      name: 'server_time_wait',
      help: 'TIME_WAIT on a listening port (a server here closed first; uses no outgoing port).',
      rows: (sample.tcp?.serverTimeWait ?? []).map((entry) => ({
        labels: { port: String(entry.port) },
        value: entry.timeWait,
      })),
    },
    {
      name: 'exhaustion_events_7d',
      help: 'Tcpip events 4227 and 4231 in the System log over the last 7 days.',
      rows: sample.events ? [{ value: sample.events.count }] : [],
    },
    {
      name: 'verdict',
      help: 'The verdict: 1 for the level in force.',
      rows: LEVELS.map((level) => ({ labels: { level }, value: verdict.level === level ? 1 : 0 })),
    },
    {
      name: 'alert',
      help: '1 when the share held is past the alert threshold.',
      rows: [{ value: verdict.over ? 1 : 0 }],
    },
    {
      name: 'part_read',
      help: '0 for each part of the diagnosis that could not be read.',
      rows: Object.keys(sample.unavailable).map((part) => ({ labels: { part }, value: 0 })),
    },
    {
      name: 'sample_timestamp_seconds',
      help: 'When the sample was taken (Unix time).',
      rows: [{ value: sample.at / 1000 }],
    },
    ...(probed ? probeMetrics(probed) : []),
  ];
  return metrics
    .filter((metric) => metric.rows.length > 0)
    .map((metric) => {
      const name = `${PREFIX}_${metric.name}`;
      return [
        `# HELP ${name} ${metric.help}`,
        `# TYPE ${name} gauge`,
        ...metric.rows.map((row) => `${name}${labelText(row.labels)} ${row.value}`),
      ].join('\n');
    })
    .join('\n')
    .concat('\n');
}

/** What MySQL answered (watch --probe): the class as a label, 1 for the one in force, with the target and the time. */
function probeMetrics(probed: ProbeResult): Metric[] {
  const target = probed.target;
  return [
    {
      name: 'probe_class',
      help: 'What the MySQL probe found: 1 for the class in force (tcp-port-tuner probe).',
      rows: PROBE_CLASSES.map((found) => ({ labels: { target, class: found }, value: probed.class === found ? 1 : 0 })),
    },
    {
      name: 'probe_milliseconds',
      help: 'How long the MySQL probe took.',
      rows: [{ labels: { target }, value: probed.milliseconds }],
    },
    {
      name: 'probe_timestamp_seconds',
      help: 'When the MySQL probe started (Unix time).',
      rows: [{ labels: { target }, value: Date.parse(probed.at) / 1000 }],
    },
  ];
}

/**
 * Before the first sample: the textfile's folder must be there and the name a plain file or
 * nothing, so a watch that cannot write says so at once (exit 7), not after a sample.
 */
export async function checkTextfile(file: string): Promise<void> {
  const folder = await stat(path.dirname(file)).catch(() => null);
  if (!folder?.isDirectory()) throw cannotWrite(file, `the folder ${path.dirname(file)} does not exist`);
  const found = await lstat(file).catch(() => null);
  const named = found && notAFile(found);
  if (named) throw new NotPlainError(file, named);
}

/**
 * Written beside the target under a name the collector skips (it reads `*.prom` only), then
 * renamed over it: the collector never reads half a file. The temporary name is random and
 * created exclusively; a link, device, pipe or folder at the target is refused, never replaced.
 */
export async function writeTextfile(file: string, text: string): Promise<void> {
  await replacePlain(file, text).catch((error: unknown) => {
    throw error instanceof TunerError ? error : cannotWrite(file, fileSystemReason(error));
  });
}

function cannotWrite(file: string, why: string): TunerError {
  return new TunerError('write-failed', `Cannot write the textfile ${file}: ${why}. Nothing was written.`);
}
