/**
 * What a prefix's Wine processes are doing, for the message of a run that never ended: each one
 * whose environment names the prefix, with its state (Z: a zombie), its command line, and where
 * each of its threads waits in the kernel, so a hang can be told apart from slowness afterwards.
 * A process whose main thread has ended while another still runs ("Zl") shows its environment
 * and command line only through that other thread: Windows' Node under Wine was seen so.
 */
import { readdirSync, readFileSync } from 'node:fs';

const read = (file: string): string => {
  try {
    return readFileSync(file, 'latin1').trim();
  } catch {
    return '?';
  }
};

const tasksOf = (pid: string): string[] => {
  try {
    return readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
};

/** "S futex_wait_queue" per thread: the state and the kernel function it sleeps in. */
function threads(pid: string): string {
  return tasksOf(pid)
    .map(
      (tid) =>
        `${tid}:${/^State:\s+(\S+)/m.exec(read(`/proc/${pid}/task/${tid}/status`))?.[1] ?? '?'}/${read(`/proc/${pid}/task/${tid}/wchan`)}`,
    )
    .join(' ');
}

/** A file of the process, or of the first of its threads that still has it (see above). */
function fromAnyThread(pid: string, name: 'environ' | 'cmdline'): string {
  for (const base of [`/proc/${pid}`, ...tasksOf(pid).map((tid) => `/proc/${pid}/task/${tid}`)]) {
    const text = read(`${base}/${name}`);
    if (text !== '' && text !== '?') return text;
  }
  return '';
}

/** A process's command line, '' once it has ended. */
export function commandLine(pid: string): string {
  return fromAnyThread(pid, 'cmdline').replace(/\0/g, ' ').trim();
}

/** The processes whose environment names the prefix. */
export function prefixPids(prefixDir: string): string[] {
  return readdirSync('/proc').filter(
    (pid) => /^\d+$/.test(pid) && fromAnyThread(pid, 'environ').split('\0').includes(`WINEPREFIX=${prefixDir}`),
  );
}

export function wineProcesses(prefixDir: string): string {
  const lines: string[] = [];
  for (const pid of prefixPids(prefixDir)) {
    try {
      const state = /^State:\s+(\S+)/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1] ?? '?';
      const parent = /^PPid:\s+(\d+)/m.exec(read(`/proc/${pid}/status`))?.[1] ?? '?';
      lines.push(`${pid} (parent ${parent}) ${state} ${commandLine(pid)}\n    threads ${threads(pid)}`);
    } catch {
      // The process ended while being read.
    }
  }
  // Wine 8's server was seen to crash (docs/incidents.md, "What made the suite hang"): say so plainly.
  if (!lines.some((line) => /\bwineserver/.test(line)))
    lines.push('(no wineserver is running for this prefix: it ended or crashed, so what waits on it never ends)');
  return lines.join('\n');
}

/**
 * Ends what `wineserver -k` left of a prefix: after a hang, a program stuck in Wine (a node.exe
 * whose main thread ended, a child still starting its console) waits for its stopped wineserver
 * for ever: such leftovers were found here an hour after their tests.
 */
export function killLeftovers(prefixDir: string): void {
  for (const pid of prefixPids(prefixDir)) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}
