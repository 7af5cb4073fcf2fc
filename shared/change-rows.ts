/** One row per thing a change touches, "before" and "after": every page, the CLI and the history print these. */
import {
  dynamicRangeKind,
  registryValueKind,
  reservedPortKind,
  type ChangeState,
  type KindDescription,
} from './change-kinds';
import { FAMILIES, type Effect } from './families';
import { effectiveValue } from './in-force';
import { rangeWithMaxUserPort } from './port-pool';
import { rangeText } from './port-text';
import { sameState } from './registry-value';
import { SETTING_NAMES } from './settings';

export interface ChangeRow {
  /** Stable across pages: the setting's name, `dynamicRange.ipv4`, `port.3306`. */
  key: string;
  label: string;
  effect: Effect;
  before: string;
  after: string;
  changed: boolean;
  /** What the row will read once Windows restarts, where that differs from `after`: the range MaxUserPort reshapes. */
  afterRestart?: string;
}

/** Either side may leave a kind out: it was not read, or not part of that change. */
export type PartialState = Partial<ChangeState>;

export function row<V>(
  key: string,
  kind: KindDescription<V>,
  before: V | undefined,
  after: V | undefined,
  same: (a: V, b: V) => boolean,
): ChangeRow {
  const changed =
    before === undefined || after === undefined ? kind.read(before) !== kind.read(after) : !same(before, after);
  return { key, label: kind.label, effect: kind.effect, before: kind.read(before), after: kind.read(after), changed };
}

export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One kind's rows of a change from `before` to `after`: none where neither side has the kind. */
export type KindRows = (before: PartialState, after: PartialState) => ChangeRow[];

/** Each registry value either side holds. */
const valueRows: KindRows = (before, after) =>
  SETTING_NAMES.filter((name) => before[name] || after[name]).map((name) =>
    row(name, registryValueKind(name), before[name], after[name], sameState),
  );

/** The range of each family, where either side has one. */
const rangeRows: KindRows = (before, after) =>
  before.dynamicRange || after.dynamicRange
    ? FAMILIES.map((family) =>
        row(
          `dynamicRange.${family}`,
          dynamicRangeKind(family),
          before.dynamicRange?.[family],
          after.dynamicRange?.[family],
          sameJson,
        ),
      )
    : [];

/** Each port either side names, by number. */
const portRows: KindRows = (before, after) =>
  [...new Set([...Object.keys(before.reservedPorts ?? {}), ...Object.keys(after.reservedPorts ?? {})])]
    .map(Number)
    .sort((a, b) => a - b)
    .map((port) =>
      row(`port.${port}`, reservedPortKind(port), before.reservedPorts?.[port], after.reservedPorts?.[port], sameJson),
    );

/** The product's kinds as the change table shows them, in its order. */
export const KIND_ROWS: readonly KindRows[] = [valueRows, rangeRows, portRows];

/** The rows of a change from `before` to `after`, kind by kind (`kinds`: the product's unless given). */
export function rows(before: PartialState, after: PartialState, kinds: readonly KindRows[] = KIND_ROWS): ChangeRow[] {
  return kinds.flatMap((kindRows) => kindRows(before, after));
}

/** Whether Windows must restart before the changed rows are in force. */
export function needsRestart(changes: readonly ChangeRow[]): boolean {
  return changes.some(
    (change) => (change.changed && change.effect === 'after-restart') || change.afterRestart !== undefined,
  );
}

/**
 * The rows with what Windows makes of the range at its next restart: with MaxUserPort in force in
 * `after`, on a Windows that uses the dynamic range, the range becomes 1024 to MaxUserPort
 * (rangeWithMaxUserPort) whatever netsh holds. A range row missing because netsh was not read
 * is added as "not read", so the reshape is never left unsaid.
 */
export function withRestart(
  changes: readonly ChangeRow[],
  after: PartialState,
  usesDynamicPortRange: boolean,
): ChangeRow[] {
  const maxUserPort = after.MaxUserPort ? effectiveValue('MaxUserPort', after.MaxUserPort) : undefined;
  if (!usesDynamicPortRange || maxUserPort === undefined) return [...changes];
  const reshaped = rangeText(rangeWithMaxUserPort(maxUserPort));
  const ranges = FAMILIES.map((family) => {
    const key = `dynamicRange.${family}`;
    const found =
      changes.find((change) => change.key === key) ??
      row(key, dynamicRangeKind(family), undefined, undefined, sameJson);
    return found.after === reshaped ? found : { ...found, afterRestart: reshaped };
  });
  const values = changes.filter((change) => (SETTING_NAMES as readonly string[]).includes(change.key));
  const rest = changes.filter((change) => !values.includes(change) && !change.key.startsWith('dynamicRange.'));
  return [...values, ...ranges, ...rest];
}
