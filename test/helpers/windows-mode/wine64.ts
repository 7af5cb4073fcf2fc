/**
 * Wine's 64-bit loader, which the bed starts every Windows program with.
 *
 * Debian's `wine` command runs the 32-bit loader whenever wine32 is installed (the installer
 * check needs it). That loader cannot load a 64-bit program such as node.exe, so it starts
 * Wine's start.exe, whose ShellExecuteEx starts the program in a process of its own. Here that
 * failed about 1 start in 750 ("Application could not be started ... ShellExecuteEx failed"):
 * the program never ran and its test failed. The 64-bit loader loads the program itself, as
 * Windows would, with no start.exe in between. Without wine32, `wine` is that loader already.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Debian's place for it; other builds (WineHQ's, a source build) put a `wine64` on PATH. */
const DEBIAN_WINE64 = '/usr/lib/wine/wine64';

function onPath(name: string): string | undefined {
  return (process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, name)).find((file) => existsSync(file));
}

export const WINE64 = existsSync(DEBIAN_WINE64) ? DEBIAN_WINE64 : onPath('wine64') ?? 'wine';
