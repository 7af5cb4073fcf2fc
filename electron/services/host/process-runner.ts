import { spawn } from 'node:child_process';
import { errnoOf, messageOf } from '../errors';

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program with an argument array (never a shell string) and reports how it ended. */
export type ProcessRunner = (file: string, args: readonly string[], env?: NodeJS.ProcessEnv) => Promise<ProcessResult>;

/** Turns what a program wrote into text: Windows' console tools write the OEM code page, not UTF-8. */
export type Decode = (bytes: Buffer) => string | Promise<string>;

const TIMEOUT_MS = 60_000;
/**
 * How long output may pause after the program exits before reading stops. Only a helper that
 * inherited the pipes can hold them open past the program's end: Wine starts one (its console
 * host) for reg.exe, tasklist and the rest, under Linux and under Windows' own Node alike, and it
 * may outlive the program by seconds or, under load, for good. Windows' own tools leave none,
 * so there the pipes close at exit and nothing waits. Output still flowing (a 70,000-socket
 * netstat) keeps the reading going, however long it takes.
 */
const DRAIN_MS = 150;

/** What a program said, on one line, for an error message. */
export function outputOnOneLine(result: ProcessResult): string {
  return `${result.stderr} ${result.stdout}`.replace(/\s+/g, ' ').trim();
}

/**
 * Why a run was refused, in words: `C:\Windows\System32\icacls.exe could not be started (ENOENT)`,
 * or the runner's own words for one it stopped, which name the program and the time limit.
 */
export function whyNotRun(file: string, error: unknown): string {
  if (errnoOf(error) === 'ETIMEDOUT') return messageOf(error);
  return `${file} could not be started (${errnoOf(error) ?? messageOf(error)})`;
}

/** How long a run may take, output included; tests shorten it. */
export interface RunLimits {
  /** A program, or a helper holding its pipes, still going past this is stopped and refused. */
  timeoutMs: number;
}

const LIMITS: RunLimits = { timeoutMs: TIMEOUT_MS };

/**
 * ` and said "The parameter is incorrect"`, for inside a sentence. Quoted, not bracketed:
 * netsh's own words hold brackets ("requires elevation (Run as administrator)."), which made
 * "(Run as administrator).)." Its closing full stop is left to the sentence around it.
 */
export function andSaid(result: ProcessResult): string {
  const said = outputOnOneLine(result).replace(/\.$/, '');
  return said ? ` and said "${said}"` : '';
}

/**
 * A runner that decodes each program's whole output at once, after it ended: in a double-byte
 * code page (932, 936) a character's second byte may be any byte, so a chunk boundary or a line
 * break is only known in the decoded text.
 */
export function processRunner(decode: Decode, limits: Partial<RunLimits> = {}): ProcessRunner {
  const chosen = { ...LIMITS, ...limits };
  return async (file, args, env) => {
    const { code, stdout, stderr } = await collect(file, args, env, chosen);
    return { code, stdout: await decode(stdout), stderr: await decode(stderr) };
  };
}

/** For programs that write UTF-8 (Node scripts, Linux tools). */
export const runProcess: ProcessRunner = processRunner((bytes) => bytes.toString('utf8'));

/** A streamed run's limits: its time, and how much it may write (nothing keeps it, so nothing else bounds it). */
export interface StreamLimits extends RunLimits {
  maxBytes: number;
}
/** Far past the 7 MB a 70,000-socket netstat writes. */
const MAX_STREAM_BYTES = 64 * 1024 * 1024;

/** Runs a program as a ProcessRunner does, handing its stdout to a reader as it writes. */
export type StreamRunner = (
  file: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv | undefined,
  sink: (chunk: Buffer) => void,
) => Promise<{ code: number; stderr: Buffer }>;

/**
 * The streaming runner: each chunk of stdout goes to `sink` as it arrives, none is kept. A
 * sink that throws (a line it cannot read), output past `maxBytes`, or the time limit stops
 * the program and fails the run with that reason.
 */
export function streamRunner(limits: Partial<StreamLimits> = {}): StreamRunner {
  const chosen = { ...LIMITS, maxBytes: MAX_STREAM_BYTES, ...limits };
  return async (file, args, env, sink) => {
    const { code, stderr } = await collect(file, args, env, chosen, { sink, maxBytes: chosen.maxBytes });
    return { code, stderr };
  };
}

function collect(
  file: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv | undefined,
  limits: RunLimits,
  streamed?: { sink: (chunk: Buffer) => void; maxBytes: number },
): Promise<{ code: number; stdout: Buffer; stderr: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...args], {
      env: env ?? process.env,
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let chunks = 0;
    let written = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      chunks++;
      if (!streamed) return void stdout.push(chunk);
      written += chunk.length;
      try {
        if (written > streamed.maxBytes)
          throw new Error(`${file} wrote more than ${streamed.maxBytes / 1024 / 1024} MB`);
        streamed.sink(chunk);
      } catch (error) {
        stop(error);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr.push(chunk), chunks++));

    let done = false;
    // Whoever ends the run lets the pipes go: a helper left holding one would otherwise keep
    // this process (the CLI, the main process's loop) waiting on it for ever. A pipe that has
    // ended closes itself once Node has shut its write side, which under Wine always means a
    // FlushFileBuffers on a pool thread (Wine reports no write quota); closing it under that
    // flush made Wine 8's server use the freed pipe and crash, taking every program with it.
    const end = (settle: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const stream of [child.stdout, child.stderr]) if (!stream.readableEnded) stream.destroy();
      settle();
    };
    const stop = (error: unknown) => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      end(() => reject(error));
    };
    const timer = setTimeout(
      () =>
        stop(
          Object.assign(new Error(`${file} did not finish within ${limits.timeoutMs / 1000} s`), { code: 'ETIMEDOUT' }),
        ),
      limits.timeoutMs,
    );
    child.on('error', (error) => end(() => reject(error)));

    child.on('exit', (code, signal) => {
      const finish = () =>
        end(() =>
          resolve({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) }),
        );
      let open = 2;
      const ended = () => --open === 0 && finish();
      if (child.stdout.readableEnded) ended();
      else child.stdout.once('end', ended);
      if (child.stderr.readableEnded) ended();
      else child.stderr.once('end', ended);
      // Once output has paused for DRAIN_MS, one more turn of the loop first: a process starved
      // of CPU for longer than that wakes with its timers due before the pipes' waiting bytes are read.
      let seen = -1;
      const drained = () => {
        if (chunks === seen) return finish();
        seen = chunks;
        setTimeout(() => setImmediate(drained), DRAIN_MS).unref();
      };
      drained();
    });
  });
}
