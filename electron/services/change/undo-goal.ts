import { FAMILIES, FAMILY_LABEL, type Family } from '../../../shared/families';
import type { PortRange } from '../../../shared/port-range';
import type { RangeState, ReservedState } from '../../../shared/kinds';
import { inRange } from '../../../shared/port-pool';
import { rangeText } from '../../../shared/port-text';
import type { KindStates, RestartRule, SomeStates } from './change-kind';

/** A part undo leaves as this tool set it, and why: named in the result and kept in the journal for a later undo. */
export interface KeptPart {
  name: string;
  now: string;
  why: string;
}

/** Why a port of one family must stay reserved after the undo, or null when no range it will be under covers it. */
function coveredBy(
  port: number,
  family: Family,
  rangeNow: RangeState | null,
  later: readonly { range: PortRange; why: string }[],
): string | null {
  const label = FAMILY_LABEL[family];
  if (!rangeNow) return `the ${label} dynamic port range could not be read, so it may cover the port`;
  if (inRange(port, rangeNow[family]))
    return `the ${label} dynamic port range ${rangeText(rangeNow[family])} covers it`;
  const covering = later.find(({ range }) => inRange(port, range));
  return covering
    ? `after the next restart the ${label} range will be ${rangeText(covering.range)} (${covering.why}), which covers it`
    : null;
}

/**
 * What undo puts back: the baseline, except reservations a range would still cover. Undo sets
 * the range back before it releases a port, and releases one only where neither the range in
 * force after the undo (`rangeNow`: the baseline's, or the one read now when the baseline has
 * none; null when it could not be read) nor the range Windows makes at the next restart once
 * the baseline holds (`rules`, the kinds' `atRestart`) covers it: until then a mysqld restart
 * could lose its port to an outgoing connection.
 */
export function undoGoal(
  baseline: KindStates,
  current: SomeStates,
  rangeNow: RangeState | null,
  rules: readonly RestartRule[],
): { goal: KindStates; kept: KeptPart[] } {
  const [wanted, found] = [baseline.reservedPorts, current.reservedPorts];
  if (!wanted || !found) return { goal: baseline, kept: [] };
  const later = rules.flatMap((rule) => rule.rangeAtRestart(baseline) ?? []);
  const kept: KeptPart[] = [];
  const ports: ReservedState = {};
  for (const [port, families] of Object.entries(wanted)) {
    ports[port] = { ...families };
    for (const family of FAMILIES) {
      if (families[family] !== 'open' || found[port]?.[family] !== 'reserved') continue;
      const why = coveredBy(Number(port), family, rangeNow, later);
      if (!why) continue;
      ports[port][family] = 'reserved';
      kept.push({ name: `port ${port} (${FAMILY_LABEL[family]})`, now: 'reserved', why });
    }
  }
  return { goal: { ...baseline, reservedPorts: ports }, kept };
}
