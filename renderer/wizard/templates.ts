/** Whole-change templates, computed from what the diagnosis read: a DBA picks one instead of typing four things. */
import type { Diagnosis } from '../../shared/diagnosis';
import { MYSQL_PORTS, recommendRange } from '../../shared/port-pool';
import { perSetting, SETTINGS, type PerSetting } from '../../shared/settings';
import type { RangeDraft } from './types';

export interface Fill {
  draft: PerSetting<string | null>;
  range: RangeDraft;
}

export interface TemplateContext {
  usesDynamicPortRange: boolean;
  diagnosis: Diagnosis | null;
  /** Why the diagnosis could not be read at all, if it could not. */
  diagnosisFailure: string | null;
}

/** Why the recommended range starts where it does, in one sentence for the page. */
export const RANGE_REASON = `It starts at ${recommendRange().start}, above MySQL's ${MYSQL_PORTS.slice(0, -1).join(', ')} and ${MYSQL_PORTS[MYSQL_PORTS.length - 1]} (classic, X Protocol, Group Replication, admin_port), listening or not, so no outgoing connection takes them.`;

const NO_RANGE: RangeDraft = { use: false, start: '', count: '' };

/** netsh answered for the range and the exclusions of both families: only then can a range or a reservation be set. */
export function netshReady(diagnosis: Diagnosis | null): boolean {
  const ports = diagnosis?.ports;
  return Boolean(ports?.dynamic.ipv4 && ports.dynamic.ipv6 && ports.excluded.ipv4 && ports.excluded.ipv6);
}

/** Why netsh's range and exclusions are not known: still being read, or not read and why. */
export type NetshUnknown = { reading: true } | { reading: false; why: string };

/** Null once both families are read; the reason a part was not read, or the whole diagnosis's failure. */
export function netshUnknown({
  diagnosis,
  diagnosisFailure: failure,
}: Pick<TemplateContext, 'diagnosis' | 'diagnosisFailure'>): NetshUnknown | null {
  if (netshReady(diagnosis)) return null;
  if (!diagnosis) return failure ? { reading: false, why: failure } : { reading: true };
  const parts = ['dynamic.ipv4', 'dynamic.ipv6', 'excluded.ipv4', 'excluded.ipv6'];
  return {
    reading: false,
    why: parts.map((part) => diagnosis.unavailable[part]).find(Boolean) ?? 'netsh did not answer',
  };
}

const typed = (values: PerSetting<number | null>): PerSetting<string | null> =>
  perSetting((name) => (values[name] === null ? null : String(values[name])));

/**
 * Recommended: on Vista and later the netsh range (at once, no restart) and TcpTimedWaitDelay
 * 30, MaxUserPort left alone (it reshapes the range over MySQL's ports after a restart); before
 * Vista MaxUserPort is the lever. The MySQL manual's fix: MaxUserPort 65534 and TcpTimedWaitDelay 30.
 */
export function templateFill(id: 'recommended' | 'mysql', { usesDynamicPortRange, diagnosis }: TemplateContext): Fill {
  const delay = SETTINGS.TcpTimedWaitDelay.recommended;
  if (id === 'mysql' || !usesDynamicPortRange)
    return {
      draft: typed({ MaxUserPort: SETTINGS.MaxUserPort.recommended, TcpTimedWaitDelay: delay }),
      range: NO_RANGE,
    };
  const range = recommendRange();
  return {
    draft: typed({ MaxUserPort: null, TcpTimedWaitDelay: delay }),
    range: netshReady(diagnosis) ? { use: true, start: String(range.start), count: String(range.count) } : NO_RANGE,
  };
}
