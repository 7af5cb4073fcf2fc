import type { PortRange } from '../../../shared/port-range';
import { FAMILY_LABEL, type Family } from '../../../shared/families';
import { answerBegan, textLines } from '../host/tool-answer';
import { parseDynamicPort, parseExcludedRanges, type Exclusion } from './netsh-parsers';

/** The four reads the diagnosis needs, in the order the script asks them: each family's range, then its exclusions. */
export const PORT_SCRIPT = [
  'int ipv4 show dynamicport tcp',
  'int ipv4 show excludedportrange protocol=tcp',
  'int ipv6 show dynamicport tcp',
  'int ipv6 show excludedportrange protocol=tcp',
];

type Part<T> = { ok: true; value: T } | { ok: false; reason: string };
export interface PortReads {
  dynamic: Record<Family, Part<PortRange>>;
  excluded: Record<Family, Part<Exclusion[]>>;
}

const RANGE_DASHES = /^\s*-{3,}\s*$/;
/** A range's answer, without its blank lines: its title, the dashes, the start, the number of ports. */
const RANGE_LINES = 4;

/**
 * netsh -f prints the answers one after the other with nothing between them, so the parts are
 * found by shape: a range's answer is the only one with a single line of dashes, and it has four
 * lines. Exactly two of them, the first at the top, or nothing is taken from the answer: a part
 * that netsh left out must not be read as its neighbour.
 */
export function splitPortScript(output: string): PortReads {
  const lines = textLines(output);
  const dashes = lines.flatMap((line, at) => (RANGE_DASHES.test(line) ? [at] : []));
  if (dashes.length !== 2 || dashes[0] !== 1) {
    const reason = `Could not read the dynamic port ranges and exclusions: netsh's answer held ${dashes.length} dynamic port ranges, not 2 in their place (${answerBegan(output)}).`;
    const failed = { ok: false as const, reason };
    return { dynamic: { ipv4: failed, ipv6: failed }, excluded: { ipv4: failed, ipv6: failed } };
  }
  const [, second] = dashes;
  const parts = {
    ipv4: [lines.slice(0, RANGE_LINES), lines.slice(RANGE_LINES, second - 1)],
    ipv6: [lines.slice(second - 1, second - 1 + RANGE_LINES), lines.slice(second - 1 + RANGE_LINES)],
  };
  const range = (family: Family): Part<PortRange> => {
    const text = parts[family][0].join('\n');
    const found = parseDynamicPort(text);
    if (found) return { ok: true, value: found };
    return {
      ok: false,
      reason: `Could not read the ${FAMILY_LABEL[family]} dynamic port range: netsh's answer held no start and number of ports (${answerBegan(text)}).`,
    };
  };
  const excluded = (family: Family): Part<Exclusion[]> => {
    const text = parts[family][1].join('\n');
    const found = parseExcludedRanges(text);
    if (found) return { ok: true, value: found };
    return {
      ok: false,
      reason: `Could not read the ${FAMILY_LABEL[family]} port exclusions: netsh's answer held no table of exclusions (${answerBegan(text)}).`,
    };
  };
  return {
    dynamic: { ipv4: range('ipv4'), ipv6: range('ipv6') },
    excluded: { ipv4: excluded('ipv4'), ipv6: excluded('ipv6') },
  };
}
