import type { Diagnosis } from '../../shared/diagnosis';
import { lastPortOf } from '../../shared/port-range';

const number = (value: number) => value.toLocaleString('en-US');
const range = (found: { start: number; count: number } | null) => (found ? `${found.start}-${lastPortOf(found)} (${number(found.count)} ports)` : null);

function unread(diagnosis: Diagnosis, part: string): string {
  return `not read: ${diagnosis.unavailable[part] ?? 'unknown reason'}`;
}

/** The diagnosis as a DBA reads it in a terminal: what is in force, what it means, what to do. */
export function formatDiagnosis(diagnosis: Diagnosis): string {
  const { tcp, ports, events, capacity } = diagnosis;
  const lines = ['TCP connections'];
  if (!tcp) lines.push(`  ${unread(diagnosis, 'tcp')}`);
  else {
    lines.push(`  by state: ${Object.entries(tcp.states).map(([state, count]) => `${state} ${number(count)}`).join(', ') || 'none'}`);
    for (const remote of tcp.remotes.slice(0, 10)) {
      lines.push(`  ${`${remote.address}:${remote.port}`.padEnd(28)} TIME_WAIT ${number(remote.timeWait)}, ESTABLISHED ${number(remote.established)}, other ${number(remote.other)}`);
    }
    if (tcp.timeWait.outgoing > 0) lines.push(`  ${number(tcp.timeWait.outgoing)} TIME_WAIT sockets hold this host's own outgoing ports: this host needs the fix.`);
    else if (tcp.timeWait.onListeningPorts > 0) lines.push("  TIME_WAIT here is on this host's listening ports only: the clients closing first hold theirs; tune the clients.");
  }
  lines.push('', 'Port pool (IPv4)');
  lines.push(`  dynamic range: ${range(ports.dynamic.ipv4) ?? unread(diagnosis, 'dynamic.ipv4')}`);
  lines.push(`  IPv6 range:    ${range(ports.dynamic.ipv6) ?? unread(diagnosis, 'dynamic.ipv6')}`);
  const excluded = ports.excluded.ipv4;
  lines.push(`  exclusions:    ${excluded ? excluded.map((block) => `${block.start}-${block.end}${block.administered ? ' *' : ''}`).join(', ') || 'none' : unread(diagnosis, 'excluded.ipv4')}`);
  if (ports.freePorts !== null) lines.push(`  free ports:    ${number(ports.freePorts)}`);
  for (const risk of ports.listeningInRange) {
    const who = risk.process ? ` (${risk.process})` : '';
    lines.push(risk.range === 'now' ? `  ! port ${risk.port}${who} is inside the dynamic range now` : `  ! port ${risk.port}${who} would be inside the range MaxUserPort 65534 makes (1024-65534)`);
  }
  if (!ports.listening) lines.push(`  listening ports: ${unread(diagnosis, 'listening')}`);
  if (diagnosis.recommendedRange) {
    lines.push(`  recommended:   ${range(diagnosis.recommendedRange)} (above MySQL's and well-known service ports, up to 65535; exclusions stay as holes)`);
  }
  lines.push('', 'Tcpip events 4227/4231, last 7 days');
  lines.push(events ? `  ${number(events.count)} (4227: ${events.byId[4227]}, 4231: ${events.byId[4231]})${events.latest ? `, latest ${events.latest}` : ''}` : `  ${unread(diagnosis, 'events')}`);
  lines.push('', 'Capacity to one remote address and port (TIME_WAIT only on the side that closes first)');
  lines.push(`  TIME_WAIT: ${capacity.timeWaitSeconds} seconds (${capacity.timeWaitSource})`);
  lines.push(`  now: ${capacity.now === null ? 'unknown (the range was not read)' : `${number(capacity.now)} new connections per second`}`);
  lines.push(`  with MaxUserPort 65534 and TcpTimedWaitDelay 30: ${number(capacity.withRecommended)} per second (range seen after a restart: 1024-65534; not documented by Microsoft)`);
  return lines.join('\n');
}
