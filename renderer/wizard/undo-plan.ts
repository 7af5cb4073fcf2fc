import { changedSinceText } from '../../shared/change-kinds';
import { FAMILIES, FAMILY_LABEL, type Family } from '../../shared/families';
import type { Status } from '../../shared/contract';
import { valueProblem } from '../../shared/in-force';
import { freePorts, type Block } from '../../shared/port-pool';
import type { PortRange } from '../../shared/port-range';
import { countText, ownReservedPorts } from '../../shared/port-text';
import { SETTING_NAMES } from '../../shared/settings';

/** What undo puts back: the states from before this tool's first change since the last undo. */
export type Baseline = NonNullable<Status['undo']>;

/**
 * What the now/after table cannot say on its own: a value someone changed after this tool, which
 * undo overwrites, and a value that Windows will ignore again once it is back.
 */
export function undoNotes(baseline: Baseline, outside: Status['outsideChanges'] = []): string[] {
  const overwritten = outside.map((change) => `${changedSinceText(change)} Undo overwrites that.`);
  const ignored = SETTING_NAMES.flatMap((name) => {
    const problem = valueProblem(name, baseline.values[name]);
    return problem ? [`Windows will ignore ${name} again: ${problem}`] : [];
  });
  return [...overwritten, ...ignored];
}

/** One family's load against the pool undo leaves. */
export interface UndoLoad {
  family: Family;
  held: number;
  /** The range undo puts back (the baseline's), and its free ports less the exclusions that stay. */
  range: PortRange;
  poolAfter: number;
  /** False where netsh's exclusions were not read: the pool is then the whole range, an upper bound. */
  exclusionsRead: boolean;
}

/**
 * Per family, the ports held now against the pool the baseline range leaves, the tightest
 * family first. The exclusions that stay are those read now less this tool's own reservations,
 * which undo releases. Empty where the baseline has no range or nothing held was read.
 */
export function undoLoad(
  baseline: Baseline,
  held: Record<Family, number> | null,
  excluded: Record<Family, readonly Block[] | null>,
): UndoLoad[] {
  const ranges = baseline.values.dynamicRange;
  if (!ranges || !held) return [];
  const loads = FAMILIES.map((family) => {
    const own = ownReservedPorts(baseline.values.reservedPorts, family);
    const staying = excluded[family]?.filter((block) => !(block.start === block.end && own.has(block.start)));
    const range = ranges[family];
    return {
      family,
      held: held[family],
      range,
      poolAfter: staying ? freePorts(range, staying) : range.count,
      exclusionsRead: staying !== undefined,
    };
  });
  return loads.sort((a, b) => b.held / b.poolAfter - a.held / a.poolAfter);
}

/** The warning before an undo that leaves fewer ports than are held now, or null. */
export function undoLoadWarning(load: UndoLoad | undefined): string | null {
  if (!load || load.held <= load.poolAfter) return null;
  return `Undo would leave ${countText(load.poolAfter)} ports, fewer than the ${countText(load.held)} held now (${FAMILY_LABEL[load.family]}): connections will fail until load drops.`;
}
