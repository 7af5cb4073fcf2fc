import type { ProbeResult } from '../../shared/probe';
import { TunerError } from '../services/errors';
import { probe } from '../services/probe/probe';
import { promptPassword } from './password-prompt';
import { pause } from './pause';
import { probeExitCode, probeLine } from './probe-output';
import type { ProbeOptions } from './probe-options';

/** Where a script gives the account's password; never a command-line option, which other users can read. */
export const PASSWORD_VARIABLE = 'TCP_PORT_TUNER_PROBE_PASSWORD';

async function accountOf(options: ProbeOptions): Promise<{ user: string; password: string } | undefined> {
  const user = options.user;
  if (user === null) return undefined;
  const given = process.env[PASSWORD_VARIABLE];
  if (given !== undefined) return { user, password: given };
  if (process.stdin.isTTY)
    return { user, password: await promptPassword(`Password for ${user} at ${options.host}:${options.port}: `) };
  throw new TunerError(
    'invalid-input',
    `--user ${user} needs its password: set ${PASSWORD_VARIABLE}, or run on a terminal to be asked. It is never taken from the command line. Nothing was sent.`,
  );
}

/**
 * `probe HOST[:PORT]`: `count` attempts, `interval` seconds apart (Ctrl+C stops), one line or
 * JSON object each; the lever is said again whenever the class changes. The exit code is the
 * worst attempt's.
 */
export async function runProbe(options: ProbeOptions, json: boolean, write: (line: string) => void): Promise<number> {
  const account = await accountOf(options);
  const stop = new AbortController();
  const interrupt = () => stop.abort();
  process.once('SIGINT', interrupt);
  let exitCode = 0;
  let last: ProbeResult | null = null;
  try {
    for (let attempt = 1; attempt <= options.count; attempt++) {
      const request = {
        host: options.host,
        port: options.port,
        timeoutMs: options.timeout * 1000,
        ...(options.sourceAddress ? { sourceAddress: options.sourceAddress } : {}),
        ...(account ? { account } : {}),
      };
      const found = await probe(request);
      write(json ? JSON.stringify(found) : probeLine(found));
      if (!json && found.class !== last?.class) write(`  ${found.lever}`);
      last = found;
      exitCode = Math.max(exitCode, probeExitCode(found));
      if (attempt < options.count && !(await pause(options.interval * 1000, stop.signal))) break;
    }
  } finally {
    process.off('SIGINT', interrupt);
  }
  return exitCode;
}
