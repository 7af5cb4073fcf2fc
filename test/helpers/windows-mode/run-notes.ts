/**
 * What the bed adds to a program's stderr when the program did not run its course, so that a
 * test's message (which shows stderr) says why.
 */
import path from 'node:path';
import { startExeRefused } from '../wine-start';

/** A program stopped for not ending: the prefix's processes, and where each thread waits. */
export function hangNote(program: string, timeoutMs: number, processes: string): string {
  return `\n[windows-mode: ${path.basename(program)} did not end within ${timeoutMs / 1000} s; the prefix's processes:\n${processes}]`;
}

/** Wine's start.exe could not start the program (it says so on stdout): it never ran. */
export function notStartedNote(program: string, code: number | null, stdout: string): string {
  if (!startExeRefused(code, stdout)) return '';
  return `\n[windows-mode: Wine's start.exe could not start ${path.basename(program)}: ${stdout.replace(/\s+/g, ' ').trim()}]`;
}
