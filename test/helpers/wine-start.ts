/**
 * Wine starts a program from a Linux command line through its start.exe, which now and then
 * fails to start it: it says so ("Application could not be started ... ShellExecuteEx failed",
 * in Wine's language; the API's name is never translated) and exits 1. The program never ran.
 */
export function startExeRefused(code: number | null, said: string): boolean {
  return code === 1 && /ShellExecuteEx/.test(said);
}
