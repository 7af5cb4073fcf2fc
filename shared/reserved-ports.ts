import { validateWholeNumber } from './validation';

/** Single ports the tool may reserve (`netsh ... add excludedportrange`), so no outgoing connection takes them. */
export const RESERVE_LIMITS = { first: 1, last: 65535, most: 16 } as const;

/**
 * How one family holds a port: `reserved` is a one-port administered exclusion, the form this
 * tool adds; `covered` is inside any other exclusion (Hyper-V's, an admin's range), which this
 * tool never touches; `open` is neither.
 */
export const HOLDS = ['reserved', 'covered', 'open'] as const;
export type Hold = (typeof HOLDS)[number];

/** "3306", "3306 and 33060", "3306, 33060 and 33061": ports as a sentence names them. */
export function portList(ports: readonly number[]): string {
  return ports.length === 1 ? String(ports[0]) : `${ports.slice(0, -1).join(', ')} and ${ports[ports.length - 1]}`;
}

export type PortsValidation = { ok: true; value: number[] } | { ok: false; messages: string[] };

/** Ports as typed ("3306,33060") or sent (an array): whole decimal numbers, each once, at most 16, sorted. */
export function validateReservedPorts(input: unknown): PortsValidation {
  const items = typeof input === 'string' ? input.split(',') : input;
  if (!Array.isArray(items) || items.length === 0)
    return { ok: false, messages: ['Name at least one port to reserve.'] };
  if (items.length > RESERVE_LIMITS.most)
    return {
      ok: false,
      messages: [`At most ${RESERVE_LIMITS.most} ports can be reserved at once; ${items.length} were given.`],
    };
  const checks = items.map((item) =>
    validateWholeNumber('A port to reserve', RESERVE_LIMITS.first, RESERVE_LIMITS.last, item),
  );
  const messages = [...new Set(checks.flatMap((check) => (check.ok ? [] : [check.message])))];
  if (messages.length > 0) return { ok: false, messages };
  const ports = checks.map((check) => (check.ok ? check.value : 0));
  const twice = ports.find((port, index) => ports.indexOf(port) !== index);
  if (twice !== undefined) return { ok: false, messages: [`Port ${twice} is named twice.`] };
  return { ok: true, value: [...ports].sort((a, b) => a - b) };
}
