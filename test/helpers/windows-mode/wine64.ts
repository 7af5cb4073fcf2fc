/**
 * How the bed starts a Windows program: Wine's 64-bit loader, with the address space laid out
 * the same way every time (docs/incidents.md, "What made a run fail now and then").
 *
 * Debian builds Wine without its preloader, which would reserve the addresses Windows programs
 * need before Linux maps anything. The 64-bit loader sits at 0x7d000000 and Linux puts its heap a
 * random 0 to 1 GB above it; when the heap landed on 0x7ffe0000, where Windows keeps its shared
 * user data, Wine exited 1 at once, saying nothing under WINEDEBUG=-all: about one start in 7,700
 * never ran. `setarch -R` (no address randomization, for the program and everything it starts)
 * puts the heap right after the loader every time.
 *
 * Debian's `wine` is the 32-bit loader once wine32 is installed (the installer check needs it),
 * which cannot load a 64-bit program such as node.exe: it goes through Wine's start.exe, a second
 * process per start. The 64-bit loader loads the program in its own process, as Windows does.
 */
/** Debian's, which scripts/setup.sh installs; where it is missing, openBed skips with that reason. */
export const WINE64 = '/usr/lib/wine/wine64';
/** util-linux, on every Debian. */
const SETARCH = '/usr/bin/setarch';

/** What to spawn for `<file> <args>` with no address randomization: the file and its arguments. */
export function unrandomized(file: string, args: readonly string[]): [string, string[]] {
  return [SETARCH, ['-R', file, ...args]];
}

/** What to spawn for `wine64 <args>`. */
export function wine64(args: readonly string[]): [string, string[]] {
  return unrandomized(WINE64, args);
}
