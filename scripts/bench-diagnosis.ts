/**
 * The diagnosis goals: reading a 70,000-row `netstat -ano` (parsed and tallied into the
 * diagnosis's figures, as diagnose reads it) in at most 150 ms, and `diagnose`
 * end to end within 1.5x of the `netstat` call alone (on Wine, whose netstat lists this host's
 * real sockets; netsh and wevtutil are the tests' stand-ins).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { tallyNetstat } from '../electron/services/diagnosis/netstat-stream';
import type { WineRegistry } from '../test/helpers/wine-registry';
import type { BenchTools } from './bench-tools';

const run = promisify(execFile);
const ROWS = 70_000;

export const STAND_IN_ENV = {
  TCP_PORT_TUNER_NETSH_COMMAND: path.resolve('test/stand-ins/netsh'),
  TCP_PORT_TUNER_WEVTUTIL_COMMAND: path.resolve('test/stand-ins/wevtutil'),
  TCP_PORT_TUNER_STANDIN_EVENTS: path.resolve('test/fixtures/windows/events.xml'),
};

/** A busy MySQL client host as Windows' netstat prints it: mostly TIME_WAIT to a few servers, CRLF. */
export function bigNetstat(rows = ROWS): string {
  const states = ['TIME_WAIT', 'TIME_WAIT', 'TIME_WAIT', 'ESTABLISHED', 'CLOSE_WAIT'];
  const lines = [
    '',
    'Active Connections',
    '',
    '  Proto  Local Address          Foreign Address        State           PID',
  ];
  for (let i = 0; i < rows; i++) {
    const local = `10.0.0.4:${1024 + (i % 64_000)}`;
    const remote = `10.0.${i % 7}.${5 + (i % 3)}:${i % 11 === 0 ? 33060 : 3306}`;
    lines.push(
      `  TCP    ${local.padEnd(23)}${remote.padEnd(23)}${states[i % states.length].padEnd(16)}${i % 5 === 3 ? 7310 : 0}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function diagnosisBench(
  wine: WineRegistry,
  env: NodeJS.ProcessEnv,
  { runs, cli, median, timed }: BenchTools & { cli: string },
): Promise<string[]> {
  const output = bigNetstat();
  const parse: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const tcp = tallyNetstat(output).tcp(null, true);
    parse.push(performance.now() - start);
    const read = Object.values(tcp.states).reduce((sum, count) => sum + count, 0);
    if (read !== ROWS) throw new Error(`read ${read} of ${ROWS} rows`);
  }

  const withStandIns = { ...env, ...STAND_IN_ENV };
  const netstat: number[] = [];
  const diagnose: number[] = [];
  for (let i = 0; i < runs; i++) {
    netstat.push(await timed(() => run('wine', ['netstat.exe', '-ano', '-p', 'tcp'], { env: wine.env })));
    diagnose.push(await timed(() => run(process.execPath, [cli, 'diagnose', '--json'], { env: withStandIns })));
  }
  const parsed = median(parse);
  const ratio = median(diagnose) / median(netstat);
  return [
    `| parse and tally a ${ROWS.toLocaleString('en-US')}-row netstat -ano | ${parsed.toFixed(0)} ms | goal <= 150 ms: ${parsed <= 150 ? 'met' : 'MISSED'} |`,
    `| diagnose --json / wine netstat.exe -ano -p tcp | ${(median(diagnose) / 1000).toFixed(2)} s / ${(median(netstat) / 1000).toFixed(2)} s = ${ratio.toFixed(2)}× | goal ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'MISSED'} |`,
  ];
}
