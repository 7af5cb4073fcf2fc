import { FAMILIES, type Family } from '../../../shared/families';
import { LOWEST_HELD_START, type RangeState } from '../../../shared/kinds';
import type { PortRange } from '../../../shared/port-range';
import type { ValueState } from '../../../shared/registry-value';
import type { PerSetting } from '../../../shared/settings';
import { valueStateOf, valueStatesOf } from '../registry/snapshot';
import { differingParts, type KindId, type KindStates, type PartDifference, type SomeStates } from './change-kind';
import type { KindOps } from './kind-ops';

export interface Reshape {
  maxUserPort: number;
  range: PortRange;
  /** The families whose range Windows made so. */
  families: Family[];
  message: string;
}

/**
 * On Windows 11 and Server build images, MaxUserPort N makes the dynamic range start 1024,
 * count N - 1023 at the next restart (README). When this tool set that MaxUserPort, it is
 * still in force, and Windows restarted since, a range of exactly that shape is the tool's own
 * side effect: not someone else's change, and undo puts the range back without asking.
 */
export function reshapeOf(maxUserPortWritten: ValueState, maxUserPortNow: ValueState, restartedSince: boolean, range: RangeState): Reshape | null {
  if (!restartedSince || !maxUserPortWritten.present || maxUserPortWritten.type !== 'REG_DWORD' || typeof maxUserPortWritten.data !== 'number') return null;
  const maxUserPort = maxUserPortWritten.data;
  if (!maxUserPortNow.present || maxUserPortNow.type !== 'REG_DWORD' || maxUserPortNow.data !== maxUserPort) return null;
  const shaped = { start: LOWEST_HELD_START, count: maxUserPort - LOWEST_HELD_START + 1 };
  const families = FAMILIES.filter((family) => range[family].start === shaped.start && range[family].count === shaped.count);
  if (families.length === 0) return null;
  return {
    maxUserPort,
    range: shaped,
    families,
    message: `Windows widened the range to ${shaped.start}-${maxUserPort} because MaxUserPort is set to ${maxUserPort}. Set the range again, or remove MaxUserPort, to change that.`,
  };
}

export type Conflict = PartDifference & { kind: KindId };

/** What this tool last wrote, against the state now, of every kind in both. */
export interface Drift {
  conflicts: Conflict[];
  reshape: Reshape | null;
}

/**
 * The parts of `lastWritten` that read otherwise in `current`: someone changed them since. A
 * range Windows reshaped because of this tool's own MaxUserPort is not one. `registryNow`
 * stands in for the registry's exact state where only the reported values were read (status).
 */
export function driftOf(ops: KindOps, lastWritten: KindStates, current: SomeStates, restartedSince: boolean, registryNow?: PerSetting<ValueState>): Drift {
  const now = registryNow ?? (current.registry ? valueStatesOf(current.registry) : undefined);
  const range = current.dynamicRange;
  const reshape = range && now ? reshapeOf(valueStateOf(lastWritten.registry.MaxUserPort), now.MaxUserPort, restartedSince, range) : null;
  const reshaped = (kind: KindId, slot: string) => kind === 'dynamicRange' && reshape?.families.some((family) => family === slot);
  const conflicts = ops.in(lastWritten).flatMap((kind) => {
    const [written, found] = [lastWritten[kind.id], current[kind.id]];
    if (written === undefined || found === undefined) return [];
    return differingParts(kind, found, written)
      .filter((part) => !reshaped(kind.id, part.slot))
      .map((part) => ({ ...part, kind: kind.id }));
  });
  return { conflicts, reshape };
}
