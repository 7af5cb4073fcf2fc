/**
 * When Wine's loader cannot load a program itself (the 32-bit loader and a 64-bit program, say),
 * Wine starts it through its start.exe, which says so when the program's process died before it
 * started ("Application could not be started ... ShellExecuteEx failed", in Wine's language; the
 * API's name is never translated) and exits 1. The program never ran.
 */
export function startExeRefused(code: number | null, said: string): boolean {
  return code === 1 && /ShellExecuteEx/.test(said);
}
