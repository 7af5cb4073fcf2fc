/**
 * netstat tables for tests of its readers: a large deterministic one, and fast-check's
 * arbitrary ones (Windows' or Wine's shape, English or German, now and then a line that is not
 * a connection or a state not known) to hold the streaming reader to the whole-output one.
 */
import fc from 'fast-check';

const TITLE = ['', 'Active Connections', ''];
const HEADER = '  Proto  Local Address          Foreign Address        State           PID';

const row = (local: string, remote: string, state: string, pid?: number) =>
  `  TCP    ${local.padEnd(23)}${remote.padEnd(23)}${state.padEnd(16)}${pid ?? ''}`.trimEnd();

/**
 * `rows` rows, busy the way the hosts are: outgoing TIME_WAIT to MySQL, IPv6 too, BOUND
 * sockets, a server's accepted connections whose LISTENING rows come last (netstat sorts by
 * address, so a side is known only at the end).
 */
export function netstatTable(rows: number): string {
  const states = ['TIME_WAIT', 'TIME_WAIT', 'ESTABLISHED', 'CLOSE_WAIT', 'BOUND', 'FIN_WAIT_2'];
  const lines = [...TITLE, HEADER];
  const listening = 4;
  for (let i = 0; i < rows - listening; i++) {
    const ipv6 = i % 9 === 0;
    const server = i % 13 === 0;
    const port = server ? [3306, 8080][i % 2] : 1024 + (i % 64_000);
    const local = ipv6 ? `[fe80::4%12]:${port}` : `10.0.0.4:${port}`;
    const remote = ipv6
      ? `[fe80::${(i % 5) + 1}%12]:3306`
      : `10.0.${i % 7}.${5 + (i % 3)}:${i % 11 === 0 ? 33060 : 3306}`;
    lines.push(
      row(
        local,
        states[i % states.length] === 'BOUND' ? '0.0.0.0:0' : remote,
        states[i % states.length],
        [0, 7310, 5120, 4][i % 4],
      ),
    );
  }
  lines.push(row('0.0.0.0:3306', '0.0.0.0:0', 'LISTENING', 5120), row('0.0.0.0:8080', '0.0.0.0:0', 'LISTENING', 2424));
  lines.push(row('[::]:3306', '[::]:0', 'LISTENING', 5120), row('0.0.0.0:135', '0.0.0.0:0', 'LISTENING', 948));
  return `${lines.join('\n')}\n`;
}

const address = fc.constantFrom('10.0.0.4', '0.0.0.0', '127.0.0.1', '[::]', '[fe80::1%4]', '[::1]');
const port = fc.constantFrom(0, 135, 3306, 8080, 49152, 50123, 65535);
const state = fc.constantFrom(
  'LISTENING',
  'ESTABLISHED',
  'TIME_WAIT',
  'CLOSE_WAIT',
  'BOUND',
  'SYN_SENT',
  'ABHÖREN',
  'HERGESTELLT',
  'WARTEND',
  'FIN_WAIT2',
);
const pid = fc.constantFrom(0, 4, 948, 5120, 7310, 2424);
const odd = fc.constantFrom(
  '  UDP    0.0.0.0:500            *:*                                    4420',
  '',
  '  TCP    10.0.0.4:1 10.0.0.5:2 HALB_OFFEN 4',
  'Aktive Verbindungen',
  '  TCP    10.0.0.4:70000         10.0.0.5:3306          TIME_WAIT       0',
);

/** A table netstat could print (with PIDs or, as Wine's, without), sometimes with a line that cannot be read or no header. */
export const generatedNetstat: fc.Arbitrary<string> = fc
  .record({
    pids: fc.boolean(),
    title: fc.constantFrom(TITLE, ['Aktive Verbindungen'], [], ['a', 'b']),
    header: fc.constantFrom(
      HEADER,
      '  Proto  Lokale Adresse         Remoteadresse          Status           PID',
      'garbage',
    ),
    rows: fc.array(
      fc.oneof(
        { weight: 30, arbitrary: fc.tuple(address, port, address, port, state, pid) },
        { weight: 1, arbitrary: odd },
      ),
      { maxLength: 60 },
    ),
    lineEnd: fc.constantFrom('\n', ''),
  })
  .map(({ pids, title, header, rows, lineEnd }) => {
    const body = rows.map((cells) =>
      typeof cells === 'string'
        ? cells
        : row(`${cells[0]}:${cells[1]}`, `${cells[2]}:${cells[3]}`, cells[4], pids ? cells[5] : undefined),
    );
    return [...title, header, ...body].join('\n') + lineEnd;
  });
