/**
 * The steps that bring a Wine prefix up (wineboot, wineserver), run with their output in a log
 * file rather than a pipe: Wine's background services inherit the descriptors and outlive the
 * step, so a pipe would never close. When a step fails, the error says how it ended and what it
 * last wrote, so a failure on a CI machine can be told from the report alone.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Enough of the log to show the reason, short enough to read in a test report. */
export const TAIL_LINES = 15;

/** What a failed step is told as: the step, the prefix, how it ended and the last lines of its log. */
export function stepFailure(step: string, dir: string, ended: Ended, logFile: string, log: string | null): string {
  const how = ended.signal ? `was killed by ${ended.signal}` : `exited with ${ended.code}`;
  const lines = (log ?? '').split(/\r?\n/).filter((line) => line.trim() !== '');
  const tail = lines.slice(-TAIL_LINES);
  let said;
  if (log === null) said = `its log ${logFile} could not be read`;
  else if (tail.length === 0) said = `it wrote nothing to ${logFile}`;
  else
    said = `the last ${tail.length} of ${lines.length} lines of ${logFile}:\n${tail.map((line) => `  ${line}`).join('\n')}`;
  return `${step} failed for ${dir}: it ${how}; ${said}`;
}

/** Runs one step with its output appended to `logFile`; throws `stepFailure`'s message unless it exits 0. */
export async function runWineStep(
  file: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  dir: string,
  logFile: string,
): Promise<void> {
  const log = openSync(logFile, 'a');
  let ended: Ended;
  try {
    ended = await new Promise<Ended>((resolve, reject) => {
      const child = spawn(file, [...args], { env, stdio: ['ignore', log, log] });
      child.on('error', reject);
      child.on('exit', (code, signal) => resolve({ code, signal }));
    });
  } finally {
    // The child and whatever it started hold their own copies of the descriptor.
    closeSync(log);
  }
  if (ended.code === 0) return;
  const text = await readFile(logFile, 'utf8').catch(() => null);
  throw new Error(stepFailure([file, ...args].join(' '), dir, ended, logFile, text));
}
