import type { PortRange } from '../../../shared/port-range';
import { textLines } from '../host/tool-answer';

export interface Exclusion {
  start: number;
  end: number;
  /** Marked `*`: added by an administrator (or this tool), not reserved by Hyper-V, WSL or Docker. */
  administered: boolean;
}

const DASHES = /^\s*-{3,}\s*$/;
const LABELLED_NUMBER = /:\s*(\d+)\s*$/;

/**
 * `netsh int ipv4 show dynamicport tcp`: a title, a line of dashes, then "label : number" twice.
 * The labels are in the display language ("Start Port", "Startport"), so the two numbers are
 * read by position: start, then the number of ports. Null for any other shape.
 */
export function parseDynamicPort(output: string): PortRange | null {
  const lines = textLines(output);
  const dashes = lines.findIndex((line) => DASHES.test(line));
  if (dashes < 1) return null;
  const numbers = lines.slice(dashes + 1, dashes + 3).map((line) => LABELLED_NUMBER.exec(line)?.[1]);
  if (numbers.length < 2 || numbers.some((number) => number === undefined)) return null;
  const [start, count] = numbers.map(Number);
  return start > 0 && count > 0 ? { start, count } : null;
}

const TABLE_DASHES = /^\s*-+\s+-+\s*$/;
const ROW = /^\s*(\d+)\s+(\d+)(\s+\*)?\s*$/;

/**
 * `netsh int ipv4 show excludedportrange protocol=tcp`: a title, a header, two groups of dashes,
 * one "start end [*]" row per range, then only the footnote on `*`. An empty table is none
 * excluded; an answer without that shape (nothing at all under Wine, an error, a help text) is
 * null, never "none".
 */
export function parseExcludedRanges(output: string): Exclusion[] | null {
  const lines = textLines(output);
  const dashes = lines.findIndex((line) => TABLE_DASHES.test(line));
  if (dashes < 2) return null;
  const exclusions: Exclusion[] = [];
  let rows = true;
  for (const line of lines.slice(dashes + 1)) {
    const match = rows ? ROW.exec(line) : null;
    if (match) {
      exclusions.push({ start: Number(match[1]), end: Number(match[2]), administered: match[3] !== undefined });
      continue;
    }
    if (!line.trimStart().startsWith('*')) return null;
    rows = false;
  }
  return exclusions;
}
