import { capacity } from '../../../shared/capacity';
import type { Diagnosis } from '../../../shared/diagnosis';
import { inForce } from '../../../shared/in-force';
import { perSetting, SETTINGS, type PerSetting } from '../../../shared/settings';
import type { ValueState } from '../../../shared/registry-value';
import { freePorts } from '../../../shared/port-pool';
import type { PoolSample } from '../../../shared/pool-sample';
import { messageOf } from '../errors';
import type { ToolAccess } from '../host/windows-tools';
import type { NetshPorts } from '../netsh/netsh-ports';
import type { Exclusion } from '../netsh/netsh-parsers';
import type { PortRange } from '../../../shared/port-range';
import { andSaid, type ProcessRunner } from '../host/process-runner';
import { summarizeConnections } from './connections';
import { EVENT_QUERY, parseEvents, type EventSummary } from './events';
import { parseNetstat, type Socket } from './netstat';
import { listeningPorts, portsAtRisk, recommendedRange } from './pool';
import { checkDataFolder, type DataFolderCheck } from './data-folder-check';
import { PoolSampler } from './sampling';
import { SnapshotStore } from './snapshots';
import { parseTasklist } from './tasklist';

export interface DiagnosisDeps {
  run: ProcessRunner;
  tools: { netstat: ToolAccess; wevtutil: ToolAccess; tasklist: ToolAccess };
  netsh: NetshPorts;
  /** Windows' netstat (or a stand-in printing its format); Wine's lists IPv4 only and never lists listening sockets. */
  nativeNetstat: boolean;
  readValues: () => Promise<PerSetting<ValueState>>;
  /** Where the alert's snapshots go (`snapshots` inside it); none are saved without it. */
  dataDir?: string;
}

type Read<T> = { ok: true; value: T } | { ok: false; reason: string };
const read = <T>(work: Promise<T>): Promise<Read<T>> => work.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, reason: messageOf(error) }));

/** Everything but the sockets: it changes slowly, so a live sample reuses it for a minute. */
export interface Context {
  names: Read<Map<number, string>>;
  dynamic: { ipv4: Read<PortRange>; ipv6: Read<PortRange> };
  excluded: { ipv4: Read<Exclusion[]>; ipv6: Read<Exclusion[]> };
  events: Read<EventSummary>;
  values: Read<PerSetting<ValueState>>;
}
/** The sockets, and netstat's own text for the alert's snapshot (kept only until the next sample). */
export interface SocketsRead {
  sockets: Read<Socket[]>;
  raw: string;
}

/**
 * Reads what is in force, all at once: live TCP sockets, the dynamic port range and its
 * exclusions, Tcpip's exhaustion events, the registry values. A part that cannot be read is
 * null with its reason, never a default made up in its place.
 */
export class DiagnosisService {
  private readonly sampler: PoolSampler;

  constructor(private readonly deps: DiagnosisDeps) {
    this.sampler = new PoolSampler(this, deps.dataDir ? new SnapshotStore(deps.dataDir) : null);
  }

  async diagnose(): Promise<Diagnosis> {
    const [sockets, context] = await Promise.all([this.readSockets(), this.readContext()]);
    this.sampler.remember(context);
    return this.compose(sockets.sockets, context);
  }

  /** One live sample for the page and `watch`; past `threshold` percent of the pool it saves a snapshot. */
  sample(threshold: number): Promise<PoolSample> {
    return this.sampler.sample(threshold);
  }

  /** Whether the data folder can be written; without one named, it is said plainly. */
  async checkDataFolder(): Promise<DataFolderCheck> {
    if (!this.deps.dataDir) return { folder: '', problem: 'no data folder is set', fix: 'Name one in TCP_PORT_TUNER_DATA_DIR.' };
    return checkDataFolder(this.deps.dataDir);
  }

  async readContext(): Promise<Context> {
    const { netsh } = this.deps;
    const [names, dynamic4, dynamic6, excluded4, excluded6, events, values] = await Promise.all([
      read(this.tool('tasklist', ['/fo', 'csv', '/nh']).then(parseTasklist)),
      read(netsh.readDynamicRange('ipv4')),
      read(netsh.readDynamicRange('ipv6')),
      read(netsh.readExclusions('ipv4')),
      read(netsh.readExclusions('ipv6')),
      read(this.tool('wevtutil', ['qe', 'System', `/q:${EVENT_QUERY}`, '/c:50', '/rd:true', '/f:xml']).then(parseEvents)),
      read(this.deps.readValues()),
    ]);
    return { names, dynamic: { ipv4: dynamic4, ipv6: dynamic6 }, excluded: { ipv4: excluded4, ipv6: excluded6 }, events, values };
  }

  /**
   * Windows' `netstat -anoq` lists TCP over IPv4 and IPv6 in one run (its UDP rows are skipped),
   * with -q the bound but unconnected sockets too (state BOUND), which hold ports as connections
   * do: one process, the very command Microsoft's port-exhaustion guide has a DBA type. Wine's
   * netstat has no -q and is asked for TCP only.
   */
  async readSockets(): Promise<SocketsRead> {
    let raw = '';
    const args = this.deps.nativeNetstat ? ['-anoq'] : ['-ano', '-p', 'tcp'];
    const sockets = await read(this.tool('netstat', args).then((output) => parseNetstat((raw = output))));
    return { sockets, raw };
  }

  compose(sockets: Read<Socket[]>, context: Context): Diagnosis {
    const unavailable: Record<string, string> = {};
    const value = <T>(part: string, result: Read<T>): T | null => {
      if (result.ok) return result.value;
      unavailable[part] = result.reason;
      return null;
    };
    const found = value('tcp', sockets);
    const owners = value('processes', context.names);
    const range = value('dynamic.ipv4', context.dynamic.ipv4);
    const exclusions = value('excluded.ipv4', context.excluded.ipv4);
    const listening = found && this.deps.nativeNetstat ? listeningPorts(found, owners) : null;
    if (found && !this.deps.nativeNetstat) unavailable.bound = "Wine's netstat has no -q, which lists bound sockets";
    if (!listening) unavailable.listening = found ? "Wine's netstat does not list listening sockets" : `netstat was not read: ${unavailable.tcp}`;
    const registry = value('registry', context.values);
    const delay = registry ? inForce('TcpTimedWaitDelay', registry.TcpTimedWaitDelay) : null;
    const timeWaitSeconds = delay?.value ?? SETTINGS.TcpTimedWaitDelay.windowsDefault;
    const free = range ? freePorts(range, exclusions ?? []) : null;
    return {
      tcp: found ? summarizeConnections(found, owners, listening !== null) : null,
      ports: {
        dynamic: { ipv4: range, ipv6: value('dynamic.ipv6', context.dynamic.ipv6) },
        excluded: { ipv4: exclusions, ipv6: value('excluded.ipv6', context.excluded.ipv6) },
        listening,
        listeningInRange: portsAtRisk(listening ?? [], range),
        freePorts: free,
      },
      events: value('events', context.events),
      capacity: {
        timeWaitSeconds,
        timeWaitSource: delay && !delay.fromDefault ? 'TcpTimedWaitDelay in the registry' : `Windows' default when TcpTimedWaitDelay is absent: ${SETTINGS.TcpTimedWaitDelay.defaultSource}`,
        now: free === null ? null : Math.floor(free / timeWaitSeconds),
        withRecommended: capacity(perSetting((_name, setting) => setting.recommended), { dynamicRange: true }).connectionsPerSecond,
      },
      recommendedRange: recommendedRange(range),
      unavailable,
    };
  }

  private async tool(name: keyof DiagnosisDeps['tools'], args: string[]): Promise<string> {
    const access = this.deps.tools[name];
    if (!access.ok) throw new Error(access.reason);
    const { file, leadingArgs, env } = access.command;
    const result = await this.deps.run(file, [...leadingArgs, ...args], env);
    if (result.code !== 0) throw new Error(`${name} exited with ${result.code}${andSaid(result)}`);
    return result.stdout;
  }
}
