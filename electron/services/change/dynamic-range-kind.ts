import { describeRange, type PortRange } from '../../../shared/port-range';
import { TunerError } from '../errors';
import type { SettingKind } from './setting-kind';

export const FAMILIES = ['ipv4', 'ipv6'] as const;
export type Family = (typeof FAMILIES)[number];
export type RangeState = Record<Family, PortRange>;

/** What the kind needs of netsh: reading and setting the TCP dynamic port range of one family. */
export interface DynamicRangeAccess {
  readDynamicRange(family: Family): Promise<PortRange>;
  setDynamicRange(family: Family, range: PortRange): Promise<void>;
}

/**
 * The TCP dynamic port range (`netsh int ipv4|ipv6 set dynamicport tcp`), the same for both
 * families. It takes effect at once and needs no restart. Restoring sets each family back.
 */
export function dynamicRangeKind(netsh: DynamicRangeAccess): SettingKind<RangeState, PortRange, RangeState> {
  const capture = async (): Promise<RangeState> => {
    const [ipv4, ipv6] = await Promise.all(FAMILIES.map((family) => netsh.readDynamicRange(family)));
    return { ipv4, ipv6 };
  };
  const setAll = async (wanted: RangeState): Promise<RangeState> => {
    for (const family of FAMILIES) await netsh.setDynamicRange(family, wanted[family]);
    const readBack = await capture();
    const missed = FAMILIES.filter((family) => readBack[family].start !== wanted[family].start || readBack[family].count !== wanted[family].count);
    if (missed.length > 0) {
      const seen = missed.map((family) => `${family} reads ${describeRange(readBack[family])}`).join(', ');
      throw new TunerError('registry-failed', `The dynamic port range did not read back as set: ${seen}.`);
    }
    return readBack;
  };
  return {
    id: 'dynamicRange',
    wantedFrom: (request) => request.dynamicRange,
    capture,
    targetOf: (_prior, wanted) => ({ ipv4: wanted, ipv6: wanted }),
    write: (wanted) => setAll({ ipv4: wanted, ipv6: wanted }),
    restore: async (state) => {
      await setAll(state);
    },
    parts: (state) =>
      FAMILIES.map((family) => ({
        name: `the ${family === 'ipv4' ? 'IPv4' : 'IPv6'} dynamic port range`,
        key: `${state[family].start}+${state[family].count}`,
        text: describeRange(state[family]),
      })),
  };
}
