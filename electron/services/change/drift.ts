import type { ValueState } from '../../../shared/registry-value';
import type { PerSetting } from '../../../shared/settings';
import {
  differingParts,
  type KindId,
  type KindStates,
  type PartDifference,
  type Reshape,
  type SomeStates,
} from './change-kind';
import type { KindOps } from './kind-ops';

type Conflict = PartDifference & { kind: KindId };

/** What this tool last wrote, against the state now, of every kind in both. */
export interface Drift {
  conflicts: Conflict[];
  reshape: Reshape | null;
}

/**
 * The parts of `lastWritten` that read otherwise in `current`: someone changed them since. A
 * part Windows reshaped at a restart because of what this tool wrote (a kind's `atRestart`) is
 * not one. `registryNow` stands in for the registry's exact state where only the reported
 * values were read (status).
 */
export function driftOf(
  ops: KindOps,
  lastWritten: KindStates,
  current: SomeStates,
  restartedSince: boolean,
  registryNow?: PerSetting<ValueState>,
): Drift {
  const reshape =
    ops.restartRules
      .map((rule) => rule.since(lastWritten, current, restartedSince, registryNow))
      .find((found) => found !== null) ?? null;
  const reshaped = (kind: KindId, slot: string) =>
    reshape?.kind === kind && reshape.families.some((family) => family === slot);
  const conflicts = ops.in(lastWritten).flatMap((kind) => {
    const [written, found] = [lastWritten[kind.id], current[kind.id]];
    if (written === undefined || found === undefined) return [];
    return differingParts(kind, found, written)
      .filter((part) => !reshaped(kind.id, part.slot))
      .map((part) => ({ ...part, kind: kind.id }));
  });
  return { conflicts, reshape };
}
