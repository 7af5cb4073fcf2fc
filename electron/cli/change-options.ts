import type { ProductKindId } from '../../shared/kinds';
import { validateDynamicRange } from '../../shared/port-range';
import { RESERVE_LIMITS, validateReservedPorts } from '../../shared/reserved-ports';
import { SETTINGS, SETTING_NAMES, perSetting } from '../../shared/settings';
import { validateSettings } from '../../shared/validation';
import type { ChangeRequest } from '../services/change/change-kind';
import { TunerError } from '../services/errors';

type OptionText = (name: string) => string | undefined;

/** A kind's options: the one per-kind piece of the CLI, since each option has its own name, help and check. */
interface KindOptions {
  /** Its options, each taking a value. */
  readonly names: readonly string[];
  /** Whether export carries it: reserved ports follow what listens on each host, so they are not exported. */
  readonly portable: boolean;
  /** How apply's "needs at least one of" names it. */
  readonly asked: string;
  readonly usage: readonly string[];
  /** Its part of the change, validated, and what is wrong with the options' text. */
  from(text: OptionText): { change: ChangeRequest; messages: string[] };
}

const RANGE_OPTIONS = ['dynamic-start', 'dynamic-count'] as const;
const RESERVE_OPTION = 'reserve-ports';
/** apply's one switch: the user accepts that MaxUserPort's reshaped range leaves MySQL's 3306/33060 unreserved (see unprotected-check.ts). */
export const ACCEPT_OPTION = 'accept-unprotected';

/** One entry per product kind, in the engine's order: the type stops a kind from being left without its options. */
const KIND_OPTIONS: { readonly [K in ProductKindId]: KindOptions } = {
  registry: {
    names: SETTING_NAMES.map((name) => SETTINGS[name].option),
    portable: true,
    asked: SETTING_NAMES.map((name) => `--${SETTINGS[name].option} N`).join(', '),
    usage: SETTING_NAMES.map((name) => {
      const { option, min, max, unit } = SETTINGS[name];
      return (
        `  --${option} N`.padEnd(31) + `${name}, ${min}-${max}${unit === 'seconds' ? ' seconds' : ''} (restart needed)`
      );
    }),
    from(text) {
      const settings = validateSettings(perSetting((_name, setting) => text(setting.option)));
      return settings.ok ? { change: settings.values, messages: [] } : { change: {}, messages: settings.messages };
    },
  },
  dynamicRange: {
    names: RANGE_OPTIONS,
    portable: true,
    asked: '--dynamic-start N with --dynamic-count N',
    usage: [
      '  --dynamic-start N --dynamic-count N',
      '                               the TCP dynamic port range for IPv4 and IPv6: start 1025-65535,',
      '                               at least 255 ports, ending at 65535 at most (no restart needed)',
    ],
    from(text) {
      const [start, count] = RANGE_OPTIONS.map(text);
      if (start === undefined && count === undefined) return { change: {}, messages: [] };
      if (start === undefined || count === undefined)
        return { change: {}, messages: ['--dynamic-start and --dynamic-count go together: give both.'] };
      const range = validateDynamicRange(start, count);
      return range.ok
        ? { change: { dynamicRange: range.value }, messages: [] }
        : { change: {}, messages: range.messages };
    },
  },
  reservedPorts: {
    names: [RESERVE_OPTION],
    portable: false,
    asked: `--${RESERVE_OPTION} P`,
    usage: [
      `  --${RESERVE_OPTION} P[,P...]`.padEnd(31) +
        `keep these ports (at most ${RESERVE_LIMITS.most}) out of the dynamic range for`,
      '                               IPv4 and IPv6, so no outgoing connection takes a port a server',
      '                               listens on (no restart needed; undo releases only these)',
    ],
    from(text) {
      const reserve = text(RESERVE_OPTION);
      const ports = reserve === undefined ? undefined : validateReservedPorts(reserve);
      if (!ports) return { change: {}, messages: [] };
      return ports.ok
        ? { change: { reservePorts: ports.value }, messages: [] }
        : { change: {}, messages: ports.messages };
    },
  },
};
const KINDS = Object.values(KIND_OPTIONS);

/** What export carries. */
export const PORTABLE_OPTIONS = KINDS.filter((kind) => kind.portable).flatMap((kind) => kind.names);
/** The options that name a change, from the kinds' entries. */
export const CHANGE_OPTIONS = KINDS.flatMap((kind) => kind.names);
/** What apply asks for when it is given no change. */
export const CHANGE_ASKED = `${KINDS.slice(0, -1)
  .map((kind) => kind.asked)
  .join(', ')}, or ${KINDS.at(-1)?.asked}`;

export const CHANGE_USAGE = [
  ...KINDS.flatMap((kind) => kind.usage),
  `  --${ACCEPT_OPTION}`.padEnd(31) + 'with --max-user-port: go ahead although 3306/33060 are not reserved',
  '                               (MaxUserPort widens the range over them at the next restart; without',
  '                               this, such a change is refused unless both are reserved, by it or already)',
].join('\n');

/** The change the options describe, validated; an empty change when none was given. */
export function changeFrom(options: Record<string, string | boolean | undefined>): ChangeRequest {
  const text: OptionText = (name) => {
    const value = options[name];
    return typeof value === 'string' ? value : undefined;
  };
  const parts = KINDS.map((kind) => kind.from(text));
  const messages = parts.flatMap((part) => part.messages);
  if (messages.length > 0) throw new TunerError('invalid-input', `${messages.join(' ')} Nothing was changed.`);
  const accept = options[ACCEPT_OPTION] === true ? { acceptUnprotected: true } : {};
  return { ...parts.reduce<ChangeRequest>((change, part) => ({ ...change, ...part.change }), {}), ...accept };
}

/** Nothing to change: an acceptance alone changes nothing. */
export function isEmptyChange({ acceptUnprotected: _, ...change }: ChangeRequest): boolean {
  return Object.values(change).every((value) => value === undefined);
}
