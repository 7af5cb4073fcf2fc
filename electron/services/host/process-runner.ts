import { spawn } from 'node:child_process';

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program with an argument array (never a shell string) and reports how it ended. */
export type ProcessRunner = (file: string, args: readonly string[], env?: NodeJS.ProcessEnv) => Promise<ProcessResult>;

const TIMEOUT_MS = 60_000;
/**
 * How long to keep reading output after the program exits. Wine starts helper processes that
 * inherit the output pipes and outlive reg.exe by seconds; waiting for the pipes to close would
 * wait for them. What reg.exe wrote before it exited is already in the pipe.
 */
const DRAIN_MS = 150;

/** What a program said, on one line, for an error message. */
export function outputOnOneLine(result: ProcessResult): string {
  return `${result.stderr} ${result.stdout}`.replace(/\s+/g, ' ').trim();
}

export const runProcess: ProcessRunner = (file, args, env) =>
  new Promise((resolve, reject) => {
    const child = spawn(file, [...args], { env: env ?? process.env, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

    const timer = setTimeout(() => {
      child.kill();
      reject(Object.assign(new Error(`${file} did not finish within ${TIMEOUT_MS / 1000} s`), { code: 'ETIMEDOUT' }));
    }, TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });

    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        child.stdout.destroy();
        child.stderr.destroy();
        resolve({
          code: code ?? (signal ? 128 : 1),
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
        });
      };
      let open = 2;
      const ended = () => --open === 0 && finish();
      if (child.stdout.readableEnded) ended();
      else child.stdout.once('end', ended);
      if (child.stderr.readableEnded) ended();
      else child.stderr.once('end', ended);
      // Windows' own tools leave no helpers behind: there, wait for the pipes however long they take.
      if (process.platform !== 'win32') setTimeout(finish, DRAIN_MS).unref();
    });
  });
