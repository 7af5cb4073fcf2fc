/**
 * Which class a failure belongs to. By Node's error code, never by errno: errno differs by
 * platform (ECONNREFUSED is -111 on Linux, -4078 on Windows), the code does not. libuv maps
 * Winsock's 10048 to EADDRINUSE, 10055 to ENOBUFS, 10049 to EADDRNOTAVAIL, 10061 to
 * ECONNREFUSED and 10060 to ETIMEDOUT; Linux reports a full ephemeral range as EADDRNOTAVAIL.
 */
import type { ProbeClass } from '../../../shared/probe';

const BY_CODE: Record<string, ProbeClass> = {
  ECONNREFUSED: 'refused',
  EADDRINUSE: 'ports-exhausted',
  ENOBUFS: 'ports-exhausted',
  EADDRNOTAVAIL: 'ports-exhausted',
  ETIMEDOUT: 'timeout',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ENETDOWN: 'unreachable',
  EHOSTDOWN: 'unreachable',
  ENOTFOUND: 'name-not-found',
  EAI_AGAIN: 'name-not-found',
  EAI_NONAME: 'name-not-found',
};

/**
 * A network error's class. A source address that is not this machine's fails its bind with
 * EADDRNOTAVAIL too: that is the user's mistake, not the ports.
 */
export function classOfNodeError(error: NodeJS.ErrnoException): ProbeClass {
  if (error.syscall === 'bind' && error.code === 'EADDRNOTAVAIL') return 'error';
  return (error.code && BY_CODE[error.code]) || 'error';
}

const SERVER: Record<number, { name: string; class: ProbeClass }> = {
  1040: { name: 'ER_CON_COUNT_ERROR', class: 'too-many-connections' },
  1203: { name: 'ER_TOO_MANY_USER_CONNECTIONS', class: 'too-many-connections' },
  1129: { name: 'ER_HOST_IS_BLOCKED', class: 'host-blocked' },
  1130: { name: 'ER_HOST_NOT_PRIVILEGED', class: 'host-not-allowed' },
  1045: { name: 'ER_ACCESS_DENIED_ERROR', class: 'error' },
};

/**
 * A server error's class and name. 1045 to the made-up login is the healthy answer; to a real
 * account it is a refused login.
 */
export function classOfServerError(errno: number, withAccount: boolean): { class: ProbeClass; code: string } {
  const known = SERVER[errno];
  if (errno === 1045 && !withAccount) return { class: 'reachable', code: known.name };
  return { class: known?.class ?? 'error', code: known?.name ?? `ER_${errno}` };
}
