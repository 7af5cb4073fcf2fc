import type { PoolSample } from '../../shared/pool-sample';
import type { ProbeResult } from '../../shared/probe';
import { shareText, trendText, type Verdict } from '../../shared/pool-trend';
import { countText, endpointText, processText } from '../../shared/port-text';

type Tcp = NonNullable<PoolSample['tcp']>;
const total = (counts: { timeWait: number; established: number; other: number }) =>
  counts.timeWait + counts.established + counts.other;

function topProcess(tcp: Tcp | null): { pid: number; name: string | null; ports: number } | null {
  const top = tcp?.processes?.[0];
  return top ? { pid: top.pid, name: top.name, ports: total(top) } : null;
}

function topRemote(tcp: Tcp | null): { address: string; port: number; ports: number } | null {
  const top = tcp?.remotes[0];
  return top ? { address: top.address, port: top.port, ports: total(top) } : null;
}

/** One `--json` line: the figures a monitoring script keys on, the verdict's words, and what was not read. */
export function watchJson(sample: PoolSample, verdict: Verdict, probed: ProbeResult | null = null) {
  const worst = verdict.worst;
  return {
    at: new Date(sample.at).toISOString(),
    level: verdict.level,
    verdict: verdict.title,
    family: worst?.family ?? null,
    held: worst?.held ?? null,
    pool: worst?.pool ?? null,
    share: worst?.share ?? null,
    ratePerSecond: worst?.rate ?? null,
    secondsToFull: worst?.secondsToFull ?? null,
    heldByFamily: sample.tcp?.held ?? null,
    bound: sample.tcp?.bound ?? null,
    poolByFamily: sample.pool,
    topProcess: topProcess(sample.tcp),
    topRemote: topRemote(sample.tcp),
    serverTimeWait: sample.tcp?.serverTimeWait ?? null,
    alert: sample.alert,
    notes: verdict.notes,
    unavailable: sample.unavailable,
    ...(probed ? { probe: probed } : {}),
  };
}

/** One line a sample: time, held / pool, share, the trend (rate, time to full), bound sockets, the top process (or remote where netstat names no PIDs), MySQL's answer. */
export function watchLine(sample: PoolSample, verdict: Verdict, probed: ProbeResult | null = null): string {
  const time = new Date(sample.at).toISOString().slice(11, 19);
  const worst = verdict.worst;
  const mysql = probed ? `  mysql ${probed.target}: ${probed.class} ${probed.milliseconds} ms` : '';
  if (!worst) return `${time}  ${verdict.title}${mysql}`;
  const pool = worst.pool === null ? 'pool not read' : countText(worst.pool);
  const share = worst.share === null ? '' : ` (${shareText(worst.share)})`;
  const process = topProcess(sample.tcp);
  const remote = topRemote(sample.tcp);
  const top = process
    ? `top: ${processText(process.pid, process.name)} ${countText(process.ports)}`
    : remote
      ? `top remote: ${endpointText(remote.address, remote.port)} ${countText(remote.ports)}`
      : 'no connections';
  const bound = sample.tcp?.bound == null ? '' : `  bound ${countText(sample.tcp.bound)}`;
  const alert = sample.alert
    ? `  ALERT past ${sample.alert.threshold}%: snapshot ${sample.alert.snapshot ?? sample.alert.note}`
    : '';
  return `${time}  held ${countText(worst.held)} / ${pool}${share}  ${trendText(worst)}${bound}  ${top}  [${verdict.level}]${mysql}${alert}`;
}
