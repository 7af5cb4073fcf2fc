/**
 * tcp-port-tuner.log in the data folder, beside the journal: what went wrong with the app
 * itself (a page or helper process that stopped, a start-up failure, an error the page
 * reported), one dated line each, for the DBA to send to whoever supports them.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { resolveTarget } from '../services/host/target';

/** Found when something is written, not at every start. */
export function logPath(): string {
  return path.join(resolveTarget().dataDir, 'tcp-port-tuner.log');
}

let written: Promise<void> = Promise.resolve();

/** One line, after the lines before it; a log that cannot be written never stops the dialog that names it. */
export function record(line: string): Promise<void> {
  const file = logPath();
  const stamped = `${new Date().toISOString()} ${line.replace(/\s+/g, ' ')}\n`;
  written = written.then(() =>
    mkdir(path.dirname(file), { recursive: true })
      .then(() => appendFile(file, stamped))
      .catch(() => undefined),
  );
  return written;
}
