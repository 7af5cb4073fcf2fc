import { rows, type ChangeRow, type PartialState } from '../../shared/change-rows';
import type { Status } from '../../shared/contract';
import { effectiveValue } from '../../shared/in-force';
import { holdIn, portsToProtect, rangeWithMaxUserPort } from '../../shared/port-pool';
import { validateDynamicRange, type PortRange, type RangeValidation } from '../../shared/port-range';
import { RESERVE_LIMITS } from '../../shared/reserved-ports';
import { perSetting, SETTING_NAMES, type PerSetting } from '../../shared/settings';
import { validateSetting, type Validation } from '../../shared/validation';
import { plannedState, stateNow } from './change-state';
import { netshReady, netshUnknown, templateFill, type NetshUnknown, type TemplateContext } from './templates';
import { blockedBy, unprotectedBy, type Unprotected } from './unprotected';
import type { DraftChange, WizardState } from './types';

export interface CheckedDraft {
  /** Each field's verdict, for its message; null for a value left as it is. */
  checks: PerSetting<Validation | null>;
  /** The range's verdict, when it is to be changed at all. */
  range: RangeValidation | null;
  /** The ports the change would put inside the range, each reserved unless unticked, and the range that makes them so. */
  protect: { ports: number[]; range: PortRange; because: string } | null;
  /** A change that moves the range while netsh's exclusions are not known, so which ports to reserve is not known either. */
  unknownPorts: NetshUnknown | null;
  /** MySQL's ports a MaxUserPort change leaves open: Apply then needs the DBA's acceptance. */
  unprotected: Unprotected | null;
  /** Why Next and Apply must wait, or null. */
  blocked: string | null;
  /** The whole change for Apply, once everything in it is valid; otherwise null. */
  change: DraftChange | null;
  /** Now and after, for every kind the change touches; empty while a field is invalid. */
  rows: ChangeRow[];
  /** A valid change that would leave everything as it is. */
  nothing: boolean;
  /** The state the rows start from, kept with what Apply reads back. */
  now: PartialState;
}

export type DraftContext = TemplateContext & { values: Status['values'] };

/** The range outgoing ports will come from once the change is in force, and why. */
function rangeAfter(change: DraftChange, ctx: DraftContext): { range: PortRange; because: string } | null {
  // A MaxUserPort this change sets reshapes the range at the restart, a netsh range set with it included.
  if (ctx.usesDynamicPortRange && change.MaxUserPort !== undefined)
    return {
      range: rangeWithMaxUserPort(change.MaxUserPort),
      because: `the range MaxUserPort ${change.MaxUserPort} makes after a restart`,
    };
  if (change.dynamicRange) return { range: change.dynamicRange, because: 'the new range' };
  const maxUserPort = effectiveValue('MaxUserPort', ctx.values.MaxUserPort);
  if (ctx.usesDynamicPortRange && maxUserPort !== undefined)
    return {
      range: rangeWithMaxUserPort(maxUserPort),
      because: `the range MaxUserPort ${maxUserPort} makes after a restart`,
    };
  const now = ctx.diagnosis?.ports.dynamic.ipv4;
  return now ? { range: now, because: 'the range in force' } : null;
}

/** The one place the wizard decides what the change is: the fields, the tables, Review, Apply and Export all read this. */
export function checkDraft(
  state: Pick<WizardState, 'template' | 'draft' | 'range' | 'unticked' | 'ownPorts' | 'accepted'>,
  ctx: DraftContext,
): CheckedDraft {
  const fill =
    state.template === 'custom' ? state : state.template === 'defaults' ? null : templateFill(state.template, ctx);
  const checks = perSetting((name) =>
    fill && fill.draft[name] !== null ? validateSetting(name, fill.draft[name]) : null,
  );
  const rangeCheck =
    fill?.range.use && netshReady(ctx.diagnosis) ? validateDynamicRange(fill.range.start, fill.range.count) : null;
  const valid = fill && SETTING_NAMES.every((name) => checks[name]?.ok !== false) && rangeCheck?.ok !== false;
  if (!valid)
    return {
      checks,
      range: rangeCheck,
      protect: null,
      unknownPorts: null,
      unprotected: null,
      blocked: null,
      change: null,
      rows: [],
      nothing: false,
      now: ctx.values,
    };
  const values = Object.fromEntries(
    SETTING_NAMES.flatMap((name) => (checks[name]?.ok ? [[name, (checks[name] as { value: number }).value]] : [])),
  );
  const base: DraftChange = { ...values, ...(rangeCheck?.ok ? { dynamicRange: rangeCheck.value } : {}) };
  const after = rangeAfter(base, ctx);
  const diagnosis = ctx.diagnosis;
  const exclusions = { ipv4: diagnosis?.ports.excluded.ipv4 ?? [], ipv6: diagnosis?.ports.excluded.ipv6 ?? [] };
  const listening = (diagnosis?.ports.listening ?? []).map(({ port }) => port);
  // The DBA's own ports join the list wherever they are, unless both families hold them already.
  const own = state.ownPorts.filter(
    (port) => holdIn(exclusions.ipv4, port) === 'open' || holdIn(exclusions.ipv6, port) === 'open',
  );
  const ports =
    after && diagnosis && netshReady(diagnosis)
      ? [
          ...new Set([...portsToProtect(after.range, listening, diagnosis.ports.dynamic.ipv4, exclusions), ...own]),
        ].sort((a, b) => a - b)
      : [];
  const reserve = ports.filter((port) => !state.unticked.includes(port)).slice(0, RESERVE_LIMITS.most);
  const unprotected = unprotectedBy(base.MaxUserPort, reserve, diagnosis, netshUnknown(ctx));
  const accept = unprotected && state.accepted ? { acceptUnprotected: true } : {};
  const change: DraftChange = { ...base, ...(reserve.length > 0 ? { reservePorts: reserve } : {}), ...accept };
  const now = stateNow(ctx.values, diagnosis, ports);
  const changeRows = rows(now, plannedState(now, change));
  return {
    checks,
    range: rangeCheck,
    protect: after && ports.length > 0 ? { ports, ...after } : null,
    // MaxUserPort moves the range on this Windows; a new netsh range needs netsh read already.
    unknownPorts: ctx.usesDynamicPortRange && base.MaxUserPort !== undefined ? netshUnknown(ctx) : null,
    unprotected,
    blocked: blockedBy(unprotected, state.accepted),
    change,
    rows: changeRows,
    nothing: changeRows.every((row) => !row.changed),
    now,
  };
}
