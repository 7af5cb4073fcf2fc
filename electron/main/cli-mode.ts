/**
 * `"TCP Port Tuner.exe" --cli status`: the same command line on a server without Node, with no
 * window. Electron's main process writes to the console it was started from; a GUI program does
 * not make cmd wait, so `tcp-port-tuner.cmd` beside the exe starts it and passes its exit code on.
 */
import { app } from 'electron';
import { runCli } from '../cli/run-cli';
import { flushed, routeOutput } from './cli-output';
import { vbsFolder } from './vbs-folder';

/** The command line after `--cli`, or null when the app was started to show its window. */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli');
  return at === -1 ? null : argv.slice(at + 1);
}

export function runCliMode(args: readonly string[]): void {
  routeOutput();
  void runCli(args, { vbsFolder: vbsFolder() }).then(async (code) => {
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    app.exit(code);
  });
}
