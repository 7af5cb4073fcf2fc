import { execFile } from 'node:child_process';

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program with an argument array (never a shell string) and reports how it ended. */
export type ProcessRunner = (file: string, args: readonly string[], env?: NodeJS.ProcessEnv) => Promise<ProcessResult>;

const TIMEOUT_MS = 60_000;

export const runProcess: ProcessRunner = (file, args, env) =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { env: env ?? process.env, windowsHide: true, timeout: TIMEOUT_MS, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          // The program did not run at all (not found, timed out): not an exit code to read.
          reject(error);
          return;
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
