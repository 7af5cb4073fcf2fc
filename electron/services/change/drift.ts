import { FAMILIES, LOWEST_HELD_START, type Family, type KindId, type RangeState } from '../../../shared/kinds';
import type { PortRange } from '../../../shared/port-range';
import type { ValueState } from '../../../shared/registry-value';
import type { PerSetting } from '../../../shared/settings';
import { valueStateOf, valueStatesOf, type Snapshot } from '../registry/snapshot';
import { differingParts, type AnyKind, type PartDifference } from './setting-kind';

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

type States = Record<string, unknown>;
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
export function driftOf(kinds: readonly AnyKind[], lastWritten: States, current: States, restartedSince: boolean, registryNow?: PerSetting<ValueState>): Drift {
  const written = lastWritten.registry as Snapshot;
  const now = registryNow ?? (current.registry ? valueStatesOf(current.registry as Snapshot) : undefined);
  const range = current.dynamicRange as RangeState | undefined;
  const reshape = range && now ? reshapeOf(valueStateOf(written.MaxUserPort), now.MaxUserPort, restartedSince, range) : null;
  const conflicts = kinds.flatMap((kind) => {
    if (lastWritten[kind.id] === undefined || current[kind.id] === undefined) return [];
    return differingParts(kind, current[kind.id], lastWritten[kind.id])
      .filter((part) => !(kind.id === 'dynamicRange' && reshape?.families.includes(part.slot as Family)))
      .map((part) => ({ ...part, kind: kind.id }));
  });
  return { conflicts, reshape };
}
