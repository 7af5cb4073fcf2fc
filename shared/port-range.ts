import { validateWholeNumber } from './validation';

/** Windows' limits for the TCP dynamic port range (KB929851), and its default since Vista. */
export const DYNAMIC_RANGE_LIMITS = { firstStart: 1025, lastPort: 65535, minCount: 255 } as const;
export const DEFAULT_DYNAMIC_RANGE = { start: 49152, count: 16384 } as const;

export interface PortRange {
  start: number;
  count: number;
}

export type RangeValidation = { ok: true; value: PortRange } | { ok: false; messages: string[] };

/** Start and count as typed or sent: whole decimal numbers, within Windows' limits, ending at 65535 at most. */
export function validateDynamicRange(start: unknown, count: unknown): RangeValidation {
  const { firstStart, lastPort, minCount } = DYNAMIC_RANGE_LIMITS;
  const first = validateWholeNumber('The dynamic range start', firstStart, lastPort, start);
  const size = validateWholeNumber('The dynamic range size', minCount, lastPort - firstStart + 1, count);
  const messages = [first, size].flatMap((check) => (check.ok ? [] : [check.message]));
  if (!first.ok || !size.ok) return { ok: false, messages };
  const end = first.value + size.value - 1;
  if (end > lastPort) {
    return {
      ok: false,
      messages: [
        `The dynamic range ${first.value} + ${size.value} ports would end at ${end}, past ${lastPort}; start at ${lastPort - size.value + 1} or lower.`,
      ],
    };
  }
  return { ok: true, value: { start: first.value, count: size.value } };
}

export function lastPortOf({ start, count }: PortRange): number {
  return start + count - 1;
}
