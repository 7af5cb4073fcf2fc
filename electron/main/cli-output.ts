/**
 * The packaged CLI's two streams. Electron attaches its GUI process to the console it was started
 * from only when neither stream is redirected (Chromium's RouteStdioToConsole); with `> out.txt`
 * alone, stderr has no handle at all and Node gives it a stream that drops every line. Then both
 * streams write where the redirection reaches, so an error line lands in out.txt, not nowhere.
 */
import { fstatSync } from 'node:fs';

/** Whether this process has a handle behind `fd` (a console, a file, a pipe). */
export function reaches(fd: number): boolean {
  try {
    fstatSync(fd);
    return true;
  } catch {
    return false;
  }
}

export type Routing = 'as-is' | 'stderr-to-stdout' | 'stdout-to-stderr';

/** Points a stream that reaches nowhere at the one that does. */
export function routeOutput(usable: (fd: number) => boolean = reaches): Routing {
  const out = usable(1);
  const err = usable(2);
  if (out === err) return 'as-is';
  const [name, to] = out ? (['stderr', process.stdout] as const) : (['stdout', process.stderr] as const);
  Object.defineProperty(process, name, { value: to, configurable: true, enumerable: true, writable: true });
  return out ? 'stderr-to-stdout' : 'stdout-to-stderr';
}

/**
 * Resolves once everything written to `stream` before it has been handed to the system. Node
 * writes to a console asynchronously on Windows, and app.exit() would cut the last lines off.
 */
export function flushed(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    stream.write('', () => resolve());
  });
}
