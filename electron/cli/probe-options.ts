import { isIP } from 'node:net';
import { checkUser, parseTarget, type Checked } from '../../shared/probe-target';
import { validateWholeNumber } from '../../shared/validation';
import { TunerError } from '../services/errors';

export const PROBE_OPTIONS = ['timeout', 'count', 'interval', 'source-address', 'user'] as const;

export interface ProbeOptions {
  host: string;
  port: number;
  /** Seconds each attempt may take. */
  timeout: number;
  count: number;
  /** Seconds between attempts. */
  interval: number;
  sourceAddress: string | null;
  /** An account to log in with; its password is asked for, never taken from the command line. */
  user: string | null;
}

export const PROBE_USAGE = `  probe HOST[:PORT] [--timeout S] [--count N] [--interval S] [--source-address ADDR] [--user NAME] [--json]
                         Is it the ports, or is it MySQL? Connects to MySQL (port 3306 by default)
                         and says what answered: ok, reachable, too-many-connections, host-blocked,
                         host-not-allowed, refused, ports-exhausted, timeout, unreachable,
                         name-not-found or error, with what to do. Without --user it logs in as
                         tcp_port_tuner_probe with no password, which MySQL refuses harmlessly; with
                         --user the password comes from TCP_PORT_TUNER_PROBE_PASSWORD or a prompt.
                         The tool's only network connection. Changes nothing`;

const LIMITS = { timeout: [1, 60, 5], count: [1, 1_000_000, 1], interval: [1, 3600, 5] } as const;

function valid<T>(found: Checked<T>): T {
  if (!found.ok) throw new TunerError('invalid-input', `${found.message} Nothing was sent.`);
  return found.value;
}

/** HOST[:PORT] as probe and watch --probe take it; a bad one exits 2 before any connection. */
export function targetFrom(text: string | undefined, what: string): { host: string; port: number } {
  if (text === undefined)
    throw new TunerError('invalid-input', `${what} needs HOST[:PORT], the MySQL server to test. Nothing was sent.`);
  return valid(parseTarget(text));
}

/** probe's options, every one checked before the first packet. */
export function probeFrom(
  values: Record<string, string | boolean | undefined>,
  target: string | undefined,
): ProbeOptions {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const whole = (name: keyof typeof LIMITS) => {
    const [min, max, fallback] = LIMITS[name];
    return text(name) === undefined ? fallback : valid(validateWholeNumber(`--${name}`, min, max, text(name)));
  };
  const source = text('source-address');
  if (source !== undefined && isIP(source) === 0)
    throw new TunerError(
      'invalid-input',
      `--source-address must be an IP address of this machine, not "${source.slice(0, 60)}". Nothing was sent.`,
    );
  const user = text('user');
  return {
    ...targetFrom(target, 'probe'),
    timeout: whole('timeout'),
    count: whole('count'),
    interval: whole('interval'),
    sourceAddress: source ?? null,
    user: user === undefined ? null : valid(checkUser(user)),
  };
}
