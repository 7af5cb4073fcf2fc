/**
 * What a prefix's Wine processes are doing, for the message of a run that never ended: each one
 * whose environment names the prefix, with its state (Z: a zombie), its command line, and where
 * each of its threads waits in the kernel, so a hang can be told apart from slowness afterwards.
 */
import { readdirSync, readFileSync } from 'node:fs';

const read = (file: string): string => {
  try {
    return readFileSync(file, 'latin1').trim();
  } catch {
    return '?';
  }
};

/** "S futex_wait_queue" per thread: the state and the kernel function it sleeps in. */
function threads(pid: string): string {
  const tids = (() => {
    try {
      return readdirSync(`/proc/${pid}/task`);
    } catch {
      return [];
    }
  })();
  return tids.map((tid) => `${tid}:${/^State:\s+(\S+)/m.exec(read(`/proc/${pid}/task/${tid}/status`))?.[1] ?? '?'}/${read(`/proc/${pid}/task/${tid}/wchan`)}`).join(' ');
}

export function wineProcesses(prefixDir: string): string {
  const lines: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`WINEPREFIX=${prefixDir}`)) continue;
      const state = /^State:\s+(\S+)/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1] ?? '?';
      const parent = /^PPid:\s+(\d+)/m.exec(read(`/proc/${pid}/status`))?.[1] ?? '?';
      lines.push(`${pid} (parent ${parent}) ${state} ${readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ').trim()}\n    threads ${threads(pid)}`);
    } catch {
      // The process ended while being read.
    }
  }
  return lines.join('\n');
}
