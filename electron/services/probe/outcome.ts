/**
 * What a probe reports, in words: each way a probe can end, turned into its class and the plain
 * message the user reads. The conversation in probe.ts decides which; this says how.
 */
import type { ProbeClass, ProbePhase } from '../../../shared/probe';
import { classOfNodeError, classOfServerError } from './classify';

export interface Outcome {
  class: ProbeClass;
  code: string | null;
  errno: number | null;
  message: string;
  lever?: string;
}

const ACCOUNT_REFUSED =
  "MySQL refused this account's login (1045): check the user name and the password. Do not try again with guesses: max_password_errors (MariaDB) and FAILED_LOGIN_ATTEMPTS (MySQL) lock the account.";

/** host:port as the user typed it, an IPv6 address in brackets. */
export const targetOf = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** This side gave up waiting: what it was waiting for, by how far the conversation got. */
export function timedOut(phase: ProbePhase, timeoutMs: number): Outcome {
  const what = {
    none: 'no TCP connection',
    tcp: 'connected, but no greeting from the server',
    greeting: 'greeted, but no answer to the login',
    auth: 'the login did not finish',
  }[phase];
  return { class: 'timeout', code: null, errno: null, message: `${what} within ${timeoutMs / 1000} s` };
}

/** An ERR packet; a refused real account gets its own advice, since guessing locks it. */
export function serverAnswered(errno: number, text: string, withAccount: boolean): Outcome {
  const found = classOfServerError(errno, withAccount);
  return {
    class: found.class,
    code: found.code,
    errno,
    message: `${errno} ${text}`,
    ...(errno === 1045 && withAccount ? { lever: ACCOUNT_REFUSED } : {}),
  };
}

export function notMysqlAt(target: string, what: string): Outcome {
  return {
    class: 'error',
    code: null,
    errno: null,
    message: `The server at ${target} does not speak MySQL's protocol (${what}).`,
  };
}

export function unspokenPlugin(plugin: string): Outcome {
  return {
    class: 'error',
    code: null,
    errno: null,
    message: `The account uses the ${plugin} plugin, which the probe does not speak.`,
  };
}

/** A network error, by Node's code. */
export function networkFailed(error: NodeJS.ErrnoException): Outcome {
  const errno = typeof error.errno === 'number' ? error.errno : null;
  return { class: classOfNodeError(error), code: error.code ?? null, errno, message: error.message };
}

/** The connection closed before the server said anything this side could report. */
export function closedSilently(phase: ProbePhase): Outcome {
  const message =
    phase === 'none'
      ? 'The connection closed before it was made.'
      : `The server closed the connection without a word (after ${phase}).`;
  return { class: 'error', code: null, errno: null, message };
}
