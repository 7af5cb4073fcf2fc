/**
 * This build machine sets NODE_EXTRA_CA_CERTS (for npm's proxy). With it, every Node.js start
 * parses the certificates of that file before any script runs: about 90 ms here, most of a
 * whole `wine reg query`, paid by the CLI and by the Node.js stand-ins for netstat, netsh and
 * wevtutil alike (Windows' own are native programs). The tool opens no TLS connection and a
 * DBA's Windows does not set the variable, so the bench runs without it, and prints Node.js's
 * own start both ways beside the figures.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BenchTools } from './bench-tools';

const run = promisify(execFile);
const VARIABLE = 'NODE_EXTRA_CA_CERTS';

/** Takes the variable out of this process's environment, which every child inherits; returns what it held. */
export function dropMachineCertificates(): string | undefined {
  const held = process.env[VARIABLE];
  delete process.env[VARIABLE];
  return held;
}

/** `node -e 0` without the variable, and with it when this machine sets it. */
export async function nodeStartFloor(held: string | undefined, { runs, median, timed }: BenchTools): Promise<string[]> {
  const start = async (env: NodeJS.ProcessEnv) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await timed(() => run(process.execPath, ['-e', '0'], { env })));
    return `${median(times).toFixed(0)} ms`;
  };
  const lines = [`| Node.js's own start (\`node -e 0\`), as the bench runs | ${await start(process.env)} | reported |`];
  if (held !== undefined)
    lines.push(
      `| the same with this machine's ${VARIABLE} (not used) | ${await start({ ...process.env, [VARIABLE]: held })} | reported |`,
    );
  return lines;
}
