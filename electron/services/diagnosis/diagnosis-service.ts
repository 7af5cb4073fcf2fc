import { capacity } from '../../../shared/capacity';
import type { Diagnosis } from '../../../shared/diagnosis';
import { inForce } from '../../../shared/in-force';
import { perSetting, SETTINGS, type PerSetting } from '../../../shared/settings';
import type { ValueState } from '../../../shared/registry-value';
import { freePorts } from '../../../shared/port-pool';
import type { ToolAccess } from '../host/windows-tools';
import { messageOf } from '../errors';
import type { NetshPorts } from '../netsh/netsh-ports';
import type { PortReads } from '../netsh/netsh-script';
import { andSaid, type ProcessRunner } from '../host/process-runner';
import { EVENT_QUERY, parseEvents } from './events';
import { portsAtRisk, recommendedRange } from './pool';
import { checkDataFolder, type DataFolderCheck } from './data-folder-check';
import { read, type Context, type DiagnosisReader, type Read, type SocketsRead, type TalliedRead } from './reads';
import type { Streaming } from '../host/code-page-stream';
import { streamNetstat, tallyNetstat } from './netstat-stream';
import type { SocketSummary } from './socket-tally';
import { parseTasklist } from './tasklist';

export interface DiagnosisDeps {
  run: ProcessRunner;
  tools: { netstat: ToolAccess; wevtutil: ToolAccess; tasklist: ToolAccess };
  netsh: Pick<NetshPorts, 'readAll'>;
  /** A new scratch file's name for netsh's script, inside the data folder (host/scratch.ts). */
  netshScript: () => string;
  /** Windows' netstat (or a stand-in printing its format); Wine's lists IPv4 only and never lists listening sockets. */
  nativeNetstat: boolean;
  readValues: () => Promise<PerSetting<ValueState>>;
  /** The data folder, checked for writing; without one, it is said plainly. */
  dataDir?: string;
  /** How a live sample reads netstat while it writes; without it (tests' own runners), through `run`. */
  streaming?: Streaming;
}

/**
 * Reads what is in force, all at once: live TCP sockets, the dynamic port range and its
 * exclusions, Tcpip's exhaustion events, the registry values. A part that cannot be read is
 * null with its reason, never a default made up in its place.
 */
export class DiagnosisService implements DiagnosisReader {
  private readonly contextListeners: ((context: Context) => void)[] = [];

  constructor(private readonly deps: DiagnosisDeps) {}

  async diagnose(): Promise<Diagnosis> {
    // netstat read as a live sample reads it: tallied while it writes, where the runner can stream.
    const [sockets, context] = await Promise.all([this.tallySockets(), this.readContext()]);
    for (const listener of this.contextListeners) listener(context);
    return this.compose(sockets.sockets, context);
  }

  /** Told each full diagnosis's slow parts: the live sampler reuses them for its next samples. */
  onContext(listener: (context: Context) => void): void {
    this.contextListeners.push(listener);
  }

  /** Whether the data folder can be written; without one named, it is said plainly. */
  async checkDataFolder(): Promise<DataFolderCheck> {
    if (!this.deps.dataDir)
      return { folder: '', problem: 'no data folder is set', fix: 'Name one in TCP_PORT_TUNER_DATA_DIR.' };
    return checkDataFolder(this.deps.dataDir);
  }

  /**
   * All in parallel with netstat, and netsh once for its four reads. tasklist runs only where
   * netstat lists PIDs (Windows' does; Wine's has no PID column, so there is no one to name).
   */
  async readContext(): Promise<Context> {
    const [names, ports, events, values] = await Promise.all([
      this.deps.nativeNetstat
        ? read(this.tool('tasklist', ['/fo', 'csv', '/nh']).then(parseTasklist))
        : { ok: true as const, value: new Map<number, string>() },
      this.deps.netsh.readAll(this.deps.netshScript()).catch((error: unknown): PortReads => {
        const failed = { ok: false as const, reason: messageOf(error) };
        return { dynamic: { ipv4: failed, ipv6: failed }, excluded: { ipv4: failed, ipv6: failed } };
      }),
      read(
        this.tool('wevtutil', ['qe', 'System', `/q:${EVENT_QUERY}`, '/c:50', '/rd:true', '/f:xml']).then(parseEvents),
      ),
      read(this.deps.readValues()),
    ]);
    return { names, ...ports, events, values };
  }

  /**
   * Windows' `netstat -anoq` lists TCP over IPv4 and IPv6 in one run (its UDP rows are skipped),
   * with -q the bound but unconnected sockets too (state BOUND), which hold ports as connections
   * do: one process, the very command Microsoft's port-exhaustion guide has a DBA type. Wine's
   * netstat has no -q and is asked for TCP only.
   */
  async readSockets(): Promise<SocketsRead> {
    let raw = '';
    const sockets = await read(this.tool('netstat', this.netstatArgs()).then((output) => tallyNetstat((raw = output))));
    return { sockets, raw };
  }

  /** The live sample's read: netstat tallied as it writes (netstat-stream.ts), the same rows, strictness and answer. */
  async tallySockets(): Promise<TalliedRead> {
    const { streaming, tools } = this.deps;
    if (!streaming) return this.readSockets().then(({ sockets, raw }) => ({ sockets, raw: () => raw }));
    let raw = () => '';
    const sockets = await read(
      streamNetstat(streaming, tools.netstat, this.netstatArgs()).then((found) => ((raw = found.raw), found.tally)),
    );
    return { sockets, raw: () => raw() };
  }

  private netstatArgs(): string[] {
    return this.deps.nativeNetstat ? ['-anoq'] : ['-ano', '-p', 'tcp'];
  }

  compose(sockets: Read<SocketSummary>, context: Context): Diagnosis {
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
    const listening = found && this.deps.nativeNetstat ? found.listening(owners) : null;
    if (found && !this.deps.nativeNetstat) unavailable.bound = "Wine's netstat has no -q, which lists bound sockets";
    if (!listening)
      unavailable.listening = found
        ? "Wine's netstat does not list listening sockets"
        : `netstat was not read: ${unavailable.tcp}`;
    const registry = value('registry', context.values);
    const delay = registry ? inForce('TcpTimedWaitDelay', registry.TcpTimedWaitDelay) : null;
    const timeWaitSeconds = delay?.value ?? SETTINGS.TcpTimedWaitDelay.windowsDefault;
    const free = range ? freePorts(range, exclusions ?? []) : null;
    return {
      tcp: found ? found.tcp(owners, listening !== null) : null,
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
        timeWaitSource:
          delay && !delay.fromDefault
            ? 'TcpTimedWaitDelay in the registry'
            : `Windows' default when TcpTimedWaitDelay is absent: ${SETTINGS.TcpTimedWaitDelay.defaultSource}`,
        now: free === null ? null : Math.floor(free / timeWaitSeconds),
        withRecommended: capacity(
          perSetting((_name, setting) => setting.recommended),
          { dynamicRange: true },
        ).connectionsPerSecond,
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
