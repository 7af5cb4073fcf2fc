import type { PortRange } from '../../../shared/port-range';

export interface Exclusion {
  start: number;
  end: number;
  /** Marked `*`: added by an administrator (or this tool), not reserved by Hyper-V, WSL or Docker. */
  administered: boolean;
}

/**
 * `netsh int ipv4 show dynamicport tcp`. The labels are in the display language ("Start Port",
 * "Startport"), so the two numbers are read in order: start, then the number of ports.
 */
export function parseDynamicPort(output: string): PortRange | null {
  const numbers = [...output.matchAll(/:\s*(\d+)\s*$/gm)].map((match) => Number(match[1]));
  if (numbers.length < 2) return null;
  const [start, count] = numbers;
  return start > 0 && count > 0 ? { start, count } : null;
}

/** `netsh int ipv4 show excludedportrange protocol=tcp`: one "start end [*]" row per range. */
export function parseExcludedRanges(output: string): Exclusion[] {
  return [...output.matchAll(/^\s*(\d+)\s+(\d+)(\s+\*)?\s*$/gm)].map((match) => ({
    start: Number(match[1]),
    end: Number(match[2]),
    administered: match[3] !== undefined,
  }));
}
