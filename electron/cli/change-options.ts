import { validateDynamicRange } from '../../shared/port-range';
import { RESERVE_LIMITS, validateReservedPorts } from '../../shared/reserved-ports';
import { SETTINGS, SETTING_NAMES, perSetting } from '../../shared/settings';
import { validateSettings } from '../../shared/validation';
import type { ChangeRequest } from '../services/change/change-kind';
import { TunerError } from '../services/errors';

/** The options that name a change, from the catalogue: one per registry setting, and the dynamic range's two. */
export const SETTING_OPTIONS = SETTING_NAMES.map((name) => SETTINGS[name].option);
export const RANGE_OPTIONS = ['dynamic-start', 'dynamic-count'] as const;
export const RESERVE_OPTION = 'reserve-ports';
/** What export carries: reserved ports follow what listens on each host, so they are not exported. */
export const PORTABLE_OPTIONS = [...SETTING_OPTIONS, ...RANGE_OPTIONS];
export const CHANGE_OPTIONS = [...PORTABLE_OPTIONS, RESERVE_OPTION];
/** apply's one switch: the user accepts that MaxUserPort's reshaped range leaves MySQL's 3306/33060 unreserved (see unprotected-check.ts). */
export const ACCEPT_OPTION = 'accept-unprotected';

export const CHANGE_USAGE = [
  ...SETTING_NAMES.map((name) => {
    const { option, min, max, unit } = SETTINGS[name];
    return `  --${option} N`.padEnd(31) + `${name}, ${min}-${max}${unit === 'seconds' ? ' seconds' : ''} (restart needed)`;
  }),
  '  --dynamic-start N --dynamic-count N',
  '                               the TCP dynamic port range for IPv4 and IPv6: start 1025-65535,',
  '                               at least 255 ports, ending at 65535 at most (no restart needed)',
  `  --${RESERVE_OPTION} P[,P...]`.padEnd(31) + `keep these ports (at most ${RESERVE_LIMITS.most}) out of the dynamic range for`,
  '                               IPv4 and IPv6, so no outgoing connection takes a port a server',
  '                               listens on (no restart needed; undo releases only these)',
  `  --${ACCEPT_OPTION}`.padEnd(31) + 'with --max-user-port: go ahead although 3306/33060 are not reserved',
  '                               (MaxUserPort widens the range over them at the next restart; without',
  '                               this, such a change is refused unless both are reserved, by it or already)',
].join('\n');

/** The change the options describe, validated; an empty change when none was given. */
export function changeFrom(options: Record<string, string | boolean | undefined>): ChangeRequest {
  const text = (name: string) => (typeof options[name] === 'string' ? (options[name] as string) : undefined);
  const settings = validateSettings(perSetting((_name, setting) => text(setting.option)));
  const messages = settings.ok ? [] : settings.messages;
  const [start, count] = RANGE_OPTIONS.map(text);
  let dynamicRange: ChangeRequest['dynamicRange'];
  if (start !== undefined || count !== undefined) {
    if (start === undefined || count === undefined) {
      messages.push('--dynamic-start and --dynamic-count go together: give both.');
    } else {
      const range = validateDynamicRange(start, count);
      if (range.ok) dynamicRange = range.value;
      else messages.push(...range.messages);
    }
  }
  const reserve = text(RESERVE_OPTION);
  const ports = reserve === undefined ? undefined : validateReservedPorts(reserve);
  if (ports && !ports.ok) messages.push(...ports.messages);
  if (messages.length > 0) throw new TunerError('invalid-input', `${messages.join(' ')} Nothing was changed.`);
  const accept = options[ACCEPT_OPTION] === true ? { acceptUnprotected: true } : {};
  return { ...(settings.ok ? settings.values : {}), ...(dynamicRange ? { dynamicRange } : {}), ...(ports?.ok ? { reservePorts: ports.value } : {}), ...accept };
}

/** Nothing to change: an acceptance alone changes nothing. */
export function isEmptyChange({ acceptUnprotected: _, ...change }: ChangeRequest): boolean {
  return Object.values(change).every((value) => value === undefined);
}
