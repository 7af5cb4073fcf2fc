import type { Diagnosis } from '../../shared/diagnosis';
import { EVENTS_EXPLAINED } from '../../shared/tcpip-events';
import { DEFAULT_THRESHOLD, sampleOf } from '../../shared/pool-sample';
import { verdict } from '../../shared/pool-trend';
import {
  countText,
  dateText,
  endpointText,
  exclusionOwner,
  exclusionText,
  ownReservedPorts,
  portWithProcess,
  processText,
  rangeText,
} from '../../shared/port-text';
import { toFailure } from '../services/errors';
import type { ChangeService } from '../services/change-service';

/** The IPv4 ports this tool reserved (ownReservedPorts of what undo would put back), or why that is not known. */
export type OwnPorts = ReadonlySet<number> | { notRead: string };

/** Which exclusions are this tool's, as the Check page tells them: the ports undo would release (the journal alone is read). */
export function ownPorts(tuner: Pick<ChangeService, 'undoPlan'>): Promise<OwnPorts> {
  return tuner.undoPlan().then(
    (undo) => ownReservedPorts(undo?.values.reservedPorts, 'ipv4'),
    (error: unknown) => ({ notRead: toFailure(error).message }),
  );
}

function unread(diagnosis: Diagnosis, part: string): string {
  return `not read: ${diagnosis.unavailable[part] ?? 'unknown reason'}`;
}

/** The diagnosis as a DBA reads it in a terminal: the verdict first (worded as the wizard words it), then what it rests on. */
export function formatDiagnosis(diagnosis: Diagnosis, own: OwnPorts, now = Date.now()): string {
  const { tcp, ports, events, capacity } = diagnosis;
  const found = verdict([sampleOf(diagnosis, now)], DEFAULT_THRESHOLD);
  const lines = [found.title, ...found.notes.map((note) => `  ${note}`), '', 'TCP connections'];
  if (!tcp) lines.push(`  ${unread(diagnosis, 'tcp')}`);
  else {
    lines.push(
      `  bound, not connected (netstat -anoq): ${'bound' in diagnosis.unavailable ? unread(diagnosis, 'bound') : countText(tcp.states.BOUND ?? 0)}`,
    );
    lines.push(
      `  by state: ${
        Object.entries(tcp.states)
          .map(([state, count]) => `${state} ${countText(count)}`)
          .join(', ') || 'no sockets listed'
      }`,
    );
    for (const remote of tcp.remotes.slice(0, 10)) {
      lines.push(
        `  ${endpointText(remote.address, remote.port).padEnd(28)} TIME_WAIT ${countText(remote.timeWait)}, ESTABLISHED ${countText(remote.established)}, other ${countText(remote.other)}`,
      );
    }
    lines.push(
      tcp.processes
        ? `  busiest programs: ${
            tcp.processes
              .slice(0, 5)
              .map(
                (owner) =>
                  `${processText(owner.pid, owner.name)} ${countText(owner.timeWait + owner.established + owner.other)}`,
              )
              .join(', ') || 'no connections'
          }`
        : `  programs: ${unread(diagnosis, 'processes')}`,
    );
  }
  lines.push('', 'Port pool');
  lines.push(
    `  dynamic range: ${ports.dynamic.ipv4 ? rangeText(ports.dynamic.ipv4) : unread(diagnosis, 'dynamic.ipv4')}`,
  );
  lines.push(
    `  IPv6 range:    ${ports.dynamic.ipv6 ? rangeText(ports.dynamic.ipv6) : unread(diagnosis, 'dynamic.ipv6')}`,
  );
  const excluded = ports.excluded.ipv4;
  const mine = 'notRead' in own ? new Set<number>() : own;
  lines.push(
    `  exclusions:    ${excluded ? excluded.map((block) => exclusionText(block, exclusionOwner(block, mine))).join(', ') || 'no exclusions' : unread(diagnosis, 'excluded.ipv4')}`,
  );
  if ('notRead' in own) lines.push(`  which exclusions this tool reserved: not read: ${own.notRead}`);
  if (ports.freePorts !== null) {
    const held = tcp ? tcp.held.ipv4.timeWait + tcp.held.ipv4.established + tcp.held.ipv4.other : null;
    lines.push(
      `  pool (IPv4):   ${countText(ports.freePorts)} ports (range less exclusions)${held === null ? '' : `; held now ${countText(held)}, free now ${countText(Math.max(0, ports.freePorts - held))}`}`,
    );
  }
  for (const risk of ports.listeningInRange) {
    const port = portWithProcess(risk.port, risk.process);
    lines.push(
      risk.range === 'now'
        ? `  ! port ${port} is inside the dynamic range now`
        : `  ! port ${port} would be inside the range MaxUserPort 65534 makes (1024-65534)`,
    );
  }
  if (!ports.listening) lines.push(`  listening ports: ${unread(diagnosis, 'listening')}`);
  if (diagnosis.recommendedRange) {
    lines.push(
      `  recommended:   ${rangeText(diagnosis.recommendedRange)} (above MySQL's and well-known service ports, up to 65535; exclusions stay as holes)`,
    );
  }
  lines.push('', 'Tcpip events 4227/4231, last 7 days');
  lines.push(
    events
      ? `  ${countText(events.count)} (4227: ${events.byId[4227]}, 4231: ${events.byId[4231]})${events.latest ? `, latest ${dateText(events.latest)}` : ''}`
      : `  ${unread(diagnosis, 'events')}`,
  );
  if (events && events.count > 0) lines.push(`  ${EVENTS_EXPLAINED}`);
  lines.push('', 'Capacity to one remote address and port (TIME_WAIT only on the side that closes first)');
  lines.push(`  TIME_WAIT: ${capacity.timeWaitSeconds} seconds (${capacity.timeWaitSource})`);
  lines.push(
    `  now: ${capacity.now === null ? 'unknown (the range was not read)' : `${countText(capacity.now)} new connections per second`}`,
  );
  lines.push(
    `  with MaxUserPort 65534 and TcpTimedWaitDelay 30: ${countText(capacity.withRecommended)} per second (range seen after a restart: 1024-65534; not documented by Microsoft)`,
  );
  return lines.join('\n');
}
