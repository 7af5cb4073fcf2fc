/**
 * "Is it the ports, or is it MySQL?": what one probe of a MySQL server found, in words the CLI,
 * watch and the wizard share. The classes are spelt as scripts key on them.
 */
export const PROBE_CLASSES = [
  'ok',
  'reachable',
  'too-many-connections',
  'host-blocked',
  'host-not-allowed',
  'refused',
  'ports-exhausted',
  'timeout',
  'unreachable',
  'name-not-found',
  'error',
] as const;
export type ProbeClass = (typeof PROBE_CLASSES)[number];

/** How far the conversation got: none (no TCP), tcp (connected), greeting (the server's first packet), auth (its answer to the login). */
export const PROBE_PHASES = ['none', 'tcp', 'greeting', 'auth'] as const;
export type ProbePhase = (typeof PROBE_PHASES)[number];

export interface ProbeResult {
  /** host:port as asked. */
  target: string;
  /** When the attempt started (ISO 8601). */
  at: string;
  class: ProbeClass;
  /** Node's error code (ECONNREFUSED) or the server's error name (ER_CON_COUNT_ERROR); null when none. */
  code: string | null;
  /** The errno as reported: Node's (-111 on Linux, -4078 on Windows) or the server's (1040). */
  errno: number | null;
  message: string;
  milliseconds: number;
  phase: ProbePhase;
  /** The server's version from its greeting, when it greeted. */
  server: string | null;
  /** What to do about it, in plain words. */
  lever: string;
}

/** The server answered in its own words: the ports are not what failed. */
export const MYSQL_REFUSALS: readonly ProbeClass[] = ['too-many-connections', 'host-blocked', 'host-not-allowed'];

const LEVERS: Record<ProbeClass, string> = {
  ok: 'MySQL let the account in. The connection works from this machine now.',
  reachable:
    'MySQL answered and refused the made-up login, as it should: the network and MySQL work from this machine now. ' +
    'At exactly max_connections MySQL still answers this login from its spare admin slot, so a full server can look healthy here; ' +
    'an account with USAGE only closes that gap.',
  'too-many-connections':
    'MySQL refused: 1040 Too many connections. Raise max_connections or pool the clients; changing ports here will not help.',
  'host-blocked':
    'MySQL refused: 1129 this host is blocked after too many broken connections (max_connect_errors). Run FLUSH HOSTS (mariadb-admin flush-hosts) on the server and find what drops connections; changing ports here will not help.',
  'host-not-allowed':
    'MySQL refused: 1130 no account may connect from this host. Grant one for this host on the server; changing ports here will not help.',
  refused:
    'Nothing listens on that port (10061, connection refused): MySQL is stopped, on another port, or a firewall rejects it. Changing ports here will not help.',
  'ports-exhausted':
    'This machine had no local port to connect from (10048/10055): the ephemeral ports are used up. This is what tuning the ports addresses.',
  timeout:
    'No answer in time (10060): a firewall drops the packets, the host is down, or the server is too busy to greet. Changing ports here will not help; do not retry in a tight loop, MySQL counts unfinished handshakes.',
  unreachable:
    'No route to that host: check the address, the network and its firewall. Changing ports here will not help.',
  'name-not-found': 'The host name does not resolve: check the name or DNS. Changing ports here will not help.',
  error: 'The probe failed for another reason: see the message.',
};

export function leverOf(found: ProbeClass): string {
  return LEVERS[found];
}
