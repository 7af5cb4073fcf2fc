import type { ProbeResult } from '../../shared/probe';

/** The exit code of one attempt: 0 MySQL answered as a working server does, 8 it refused, 9 no MySQL answered. */
export function probeExitCode(found: ProbeResult): number {
  if (found.class === 'ok' || found.class === 'reachable') return 0;
  return found.phase === 'greeting' || found.phase === 'auth' ? 8 : 9;
}

/** One attempt: time, target, class, how far it got and how long, and what was said. */
export function probeLine(found: ProbeResult): string {
  const time = found.at.slice(11, 19);
  const server = found.server ? `, ${found.server}` : '';
  return `${time}  ${found.target}  ${found.class}  (${found.phase}, ${found.milliseconds} ms${server})  ${found.message}`;
}
