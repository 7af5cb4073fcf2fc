/**
 * What a prefix's Wine processes are doing, for the message of a run that never ended: each one
 * whose environment names the prefix, with its state (Z: a zombie) and command line.
 */
import { readdirSync, readFileSync } from 'node:fs';

export function wineProcesses(prefixDir: string): string {
  const lines: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`WINEPREFIX=${prefixDir}`)) continue;
      const state = /^State:\s+(\S+)/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1] ?? '?';
      lines.push(`${pid} ${state} ${readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ').trim()}`);
    } catch {
      // The process ended while being read.
    }
  }
  return lines.join('\n');
}
