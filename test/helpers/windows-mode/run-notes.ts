/**
 * What the bed adds to a program's stderr when the program did not end, so that a test's message
 * (which shows stderr) says why.
 */
import path from 'node:path';

/** A program stopped for not ending: the prefix's processes, and where each thread waits. */
export function hangNote(program: string, timeoutMs: number, processes: string): string {
  return `\n[windows-mode: ${path.basename(program)} did not end within ${timeoutMs / 1000} s; the prefix's processes:\n${processes}]`;
}
