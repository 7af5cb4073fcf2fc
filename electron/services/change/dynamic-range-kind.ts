import { FAMILIES, FAMILY_LABEL, type Family } from '../../../shared/families';
import type { RangeState } from '../../../shared/kinds';
import type { PortRange } from '../../../shared/port-range';
import { rangeText } from '../../../shared/port-text';
import { TunerError } from '../errors';
import type { ChangeKind, StepDone } from './change-kind';
import { KIND_STATES } from './kind-states';

/** What the kind needs of netsh: reading and setting the TCP dynamic port range of one family. */
export interface DynamicRangeAccess {
  readDynamicRange(family: Family): Promise<PortRange>;
  setDynamicRange(family: Family, range: PortRange): Promise<void>;
}

const partName = (family: Family) => `the ${FAMILY_LABEL[family]} dynamic port range`;

const setCommand = (family: Family, { start, count }: PortRange) =>
  `netsh int ${family} set dynamicport tcp start=${start} num=${count}`;

/**
 * The TCP dynamic port range (`netsh int ipv4|ipv6 set dynamicport tcp`), set for both
 * families. It takes effect at once and needs no restart. Restoring sets each family back.
 */
export function dynamicRangeKind(netsh: DynamicRangeAccess): ChangeKind<'dynamicRange', PortRange> {
  const capture = async (): Promise<RangeState> => {
    const [ipv4, ipv6] = await Promise.all(FAMILIES.map((family) => netsh.readDynamicRange(family)));
    return { ipv4, ipv6 };
  };
  /** `current` as read before: a family already as wanted is not set again; `skipSame` is off for a change, which sets both. */
  const setAll = async (
    wanted: RangeState,
    current: RangeState,
    skipSame: boolean,
    done?: StepDone,
  ): Promise<RangeState> => {
    for (const family of FAMILIES) {
      const same = current[family].start === wanted[family].start && current[family].count === wanted[family].count;
      if (same && skipSame) continue;
      // Recorded as it starts: a kill between netsh and the journal must not leave a range this
      // tool set looking like someone else's; the range is always this tool's to set back.
      await done?.({ part: partName(family), from: rangeText(current[family]), to: rangeText(wanted[family]) });
      await netsh.setDynamicRange(family, wanted[family]);
    }
    const readBack = await capture();
    const missed = FAMILIES.filter(
      (family) => readBack[family].start !== wanted[family].start || readBack[family].count !== wanted[family].count,
    );
    if (missed.length > 0) {
      const seen = missed.map((family) => `${family} reads ${rangeText(readBack[family])}`).join(', ');
      throw new TunerError('netsh-failed', `The dynamic port range did not read back as set: ${seen}.`);
    }
    return readBack;
  };
  return {
    ...KIND_STATES.dynamicRange,
    // The range is always this tool's to set: one reading as the target is kept for undo.
    unrecorded: 'ours',
    effect: 'at-once',
    putBackSentence: 'The dynamic port range was put back as it was.',
    wantedFrom: (request) => request.dynamicRange,
    capture,
    targetOf: (_prior, wanted) => ({ ipv4: wanted, ipv6: wanted }),
    write: async (_wanted, target, prior, done) => {
      await setAll(target, prior, false, done);
    },
    restore: async (state, current, done) => {
      await setAll(state, current, true, done);
    },
    slotName: (slot) => {
      const family = FAMILIES.find((one) => one === slot);
      return family ? partName(family) : slot;
    },
    parts: (state) =>
      FAMILIES.map((family) => ({
        name: partName(family),
        slot: family,
        key: `${state[family].start}+${state[family].count}`,
        text: rangeText(state[family]),
      })),
    repairs: (state, parts) =>
      FAMILIES.filter((family) => parts.some((part) => part.slot === family)).map((family) =>
        setCommand(family, state[family]),
      ),
  };
}
