/**
 * How the bed starts a Windows program: Wine's 64-bit loader, with the address space laid out
 * the same way every time (README, "What made a run fail now and then").
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
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Debian's place for it; other builds (WineHQ's, a source build) put a `wine64` on PATH. */
const DEBIAN_WINE64 = '/usr/lib/wine/wine64';
/** util-linux, on every Debian. */
const SETARCH = '/usr/bin/setarch';

function onPath(name: string): string | undefined {
  return (process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, name)).find((file) => existsSync(file));
}

/** Without wine32, Debian's `wine` is the 64-bit loader already. */
export const WINE64 = existsSync(DEBIAN_WINE64) ? DEBIAN_WINE64 : onPath('wine64') ?? 'wine';

/** What to spawn for `<file> <args>` with no address randomization: the file and its arguments. */
export function unrandomized(file: string, args: readonly string[]): [string, string[]] {
  return [SETARCH, ['-R', file, ...args]];
}

/** What to spawn for `wine64 <args>`. */
export function wine64(args: readonly string[]): [string, string[]] {
  return unrandomized(WINE64, args);
}
