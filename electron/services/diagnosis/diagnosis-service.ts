import { capacity } from '../../../shared/capacity';
import type { Diagnosis } from '../../../shared/diagnosis';
import { inForce } from '../../../shared/in-force';
import { perSetting, SETTINGS, type PerSetting } from '../../../shared/settings';
import type { ValueState } from '../../../shared/registry-value';
import { freePorts } from '../../../shared/port-pool';
import { messageOf } from '../errors';
import type { ToolAccess } from '../host/windows-tools';
import type { NetshPorts } from '../netsh/netsh-ports';
import { outputOnOneLine, type ProcessRunner } from '../host/process-runner';
import { summarizeConnections } from './connections';
import { EVENT_QUERY, parseEvents } from './events';
import { parseNetstat, type Socket } from './netstat';
import { listeningPorts, portsAtRisk, recommendedRange } from './pool';
import { parseTasklist } from './tasklist';

export interface DiagnosisDeps {
  run: ProcessRunner;
  tools: { netstat: ToolAccess; wevtutil: ToolAccess; tasklist: ToolAccess };
  netsh: NetshPorts;
  /** Windows' netstat; Wine's lists IPv4 again for -p tcpv6 and never lists listening sockets. */
  nativeNetstat: boolean;
  readValues: () => Promise<PerSetting<ValueState>>;
}

type Read<T> = { ok: true; value: T } | { ok: false; reason: string };
const read = <T>(work: Promise<T>): Promise<Read<T>> => work.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, reason: messageOf(error) }));

/**
 * Reads what is in force, all at once: live TCP sockets, the dynamic port range and its
 * exclusions, Tcpip's exhaustion events, the registry values. A part that cannot be read is
 * null with its reason, never a default made up in its place.
 */
export class DiagnosisService {
  constructor(private readonly deps: DiagnosisDeps) {}

  async diagnose(): Promise<Diagnosis> {
    const { netsh } = this.deps;
    const [sockets, names, dynamic4, dynamic6, excluded4, excluded6, events, values] = await Promise.all([
      read(this.sockets()),
      read(this.tool('tasklist', ['/fo', 'csv', '/nh']).then(parseTasklist)),
      read(netsh.readDynamicRange('ipv4')),
      read(netsh.readDynamicRange('ipv6')),
      read(netsh.readExclusions('ipv4')),
      read(netsh.readExclusions('ipv6')),
      read(this.tool('wevtutil', ['qe', 'System', `/q:${EVENT_QUERY}`, '/c:50', '/rd:true', '/f:xml']).then(parseEvents)),
      read(this.deps.readValues()),
    ]);
    const unavailable: Record<string, string> = {};
    const value = <T>(part: string, result: Read<T>): T | null => {
      if (result.ok) return result.value;
      unavailable[part] = result.reason;
      return null;
    };
    const found = value('tcp', sockets);
    const owners = value('processes', names);
    const range = value('dynamic.ipv4', dynamic4);
    const exclusions = value('excluded.ipv4', excluded4);
    const listening = found && this.deps.nativeNetstat ? listeningPorts(found, owners) : null;
    if (found && !listening) unavailable.listening = "Wine's netstat does not list listening sockets";
    const registry = value('registry', values);
    const delay = registry ? inForce('TcpTimedWaitDelay', registry.TcpTimedWaitDelay) : null;
    const timeWaitSeconds = delay?.value ?? SETTINGS.TcpTimedWaitDelay.windowsDefault;
    const free = range ? freePorts(range, exclusions ?? []) : null;
    return {
      tcp: found ? summarizeConnections(found, owners) : null,
      ports: {
        dynamic: { ipv4: range, ipv6: value('dynamic.ipv6', dynamic6) },
        excluded: { ipv4: exclusions, ipv6: value('excluded.ipv6', excluded6) },
        listening,
        listeningInRange: portsAtRisk(listening ?? [], range),
        freePorts: free,
      },
      events: value('events', events),
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

  private async sockets(): Promise<Socket[]> {
    const families = this.deps.nativeNetstat ? ['tcp', 'tcpv6'] : ['tcp'];
    const outputs = await Promise.all(families.map((family) => this.tool('netstat', ['-ano', '-p', family])));
    return outputs.flatMap(parseNetstat);
  }

  private async tool(name: keyof DiagnosisDeps['tools'], args: string[]): Promise<string> {
    const access = this.deps.tools[name];
    if (!access.ok) throw new Error(access.reason);
    const { file, leadingArgs, env } = access.command;
    const result = await this.deps.run(file, [...leadingArgs, ...args], env);
    const said = outputOnOneLine(result);
    if (result.code !== 0) throw new Error(`${name} exited with ${result.code}${said ? ` (${said})` : ''}`);
    return result.stdout;
  }
}
