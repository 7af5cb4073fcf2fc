/**
 * What the bed adds to a program's stderr when the program did not run its course, so that a
 * test's message (which shows stderr) says why.
 */
import path from 'node:path';

/** A program stopped for not ending: the prefix's processes, and where each thread waits. */
export function hangNote(program: string, timeoutMs: number, processes: string): string {
  return `\n[windows-mode: ${path.basename(program)} did not end within ${timeoutMs / 1000} s; the prefix's processes:\n${processes}]`;
}

/**
 * Wine starts a program through its start.exe, which on failing to start it says so on stdout
 * ("... ShellExecuteEx failed", in Wine's language) and exits 1: the program never ran.
 */
export function notStartedNote(program: string, code: number | null, stdout: string): string {
  if (code !== 1 || !/ShellExecuteEx/.test(stdout)) return '';
  return `\n[windows-mode: Wine's start.exe could not start ${path.basename(program)}: ${stdout.replace(/\s+/g, ' ').trim()}]`;
}
