/** The in-memory machine the engine's range-and-reservations tests start from: an admin's own 8080, untouched otherwise. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { memoryEngine } from './memory-engine';
import type { NetshCall } from './memory-netsh';

export const ALL = {
  MaxUserPort: 65534,
  TcpTimedWaitDelay: 30,
  dynamicRange: { start: 33061, count: 32475 },
  reservePorts: [3306, 33060],
};
export const DEFAULT = { start: 49152, count: 16384 };

/** An admin's own 8080, and an untouched machine otherwise. */
export function adminWorld(root: string) {
  const world = memoryEngine(root);
  world.netsh.exclude('ipv4', 8080);
  world.netsh.exclude('ipv6', 8080);
  const baseline = structuredClone({ values: world.registry.values, pools: world.netsh.pools });
  const atBaseline = () => {
    assert.deepEqual(world.registry.values, baseline.values, 'the registry is back at its baseline');
    assert.deepEqual(world.netsh.pools, baseline.pools, "the range and the exclusions are back, with the admin's 8080");
  };
  /** Stops the change at `call` as kill -9 would: the machine and the journal stay as they were at that moment. */
  async function killAt(call: NetshCall, change: Parameters<typeof world.tuner.apply>[0]): Promise<void> {
    let frozen: { journal: string; values: unknown; pools: unknown } | undefined;
    world.netsh.afterCall = (made) => {
      if (made !== call || frozen) return;
      // Synchronous on purpose: nothing of the engine runs between the call and the freeze.
      frozen = {
        journal: readFileSync(world.journal.file, 'utf8'),
        values: structuredClone(world.registry.values),
        pools: structuredClone(world.netsh.pools),
      };
      throw new Error('killed');
    };
    await world.tuner.apply(change).catch(() => undefined);
    world.netsh.afterCall = undefined;
    assert.ok(frozen, `the change reached ${call}`);
    await writeFile(world.journal.file, frozen.journal);
    Object.assign(world.registry, { values: frozen.values });
    Object.assign(world.netsh.pools, frozen.pools);
  }
  return { ...world, atBaseline, killAt };
}
