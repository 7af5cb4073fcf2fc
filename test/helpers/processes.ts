/**
 * How the test helpers start programs: with their output collected, in a process group of their
 * own when a test must kill them and their children at a moment it picks.
 */
import { spawn } from 'node:child_process';

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Started {
  /** Ends the program and every process it started, at once, as a crash or Task Manager would. */
  kill(): void;
  done: Promise<Run>;
}

interface StartOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  group?: boolean;
}

/** Starts a program in a process group of its own, so that `kill` reaches its children too. */
export function start(file: string, args: readonly string[], options: StartOptions = {}): Started {
  const child = spawn(file, [...args], {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.group,
  });
  const done = new Promise<Run>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  const kill = () => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The whole group ended on its own just now.
    }
  };
  return { kill, done };
}

/** Runs a program to its end and reports how it ended; never rejects on an exit code. */
export function run(file: string, args: readonly string[], options: Omit<StartOptions, 'group'> = {}): Promise<Run> {
  return start(file, args, options).done;
}

/**
 * Wineserver stays alive after the command that started it; with piped output it would hold
 * the pipes open and the command would seem never to end.
 */
export function runDetached(file: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...args], { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
}
