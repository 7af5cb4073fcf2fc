/**
 * What each kind of change is and how its value reads, written once: the wizard's pages, the
 * CLI's text and the history all read these, so a kind added here shows up everywhere.
 */
import type { HistoryEntry } from './contract';
import { FAMILIES, FAMILY_LABEL, type Effect, type Family } from './families';
import { withUnit } from './in-force';
import type { PortRange } from './port-range';
import { rangeText } from './port-text';
import { describeValue, type ValueState } from './registry-value';
import type { Hold } from './reserved-ports';
import type { SettingName } from './settings';

/** The contract's state of every kind a change touches: the registry values, and the range and reserved ports where set. */
export type ChangeState = HistoryEntry['before'];

export interface KindDescription<V> {
  label: string;
  effect: Effect;
  /** How a value reads; `undefined` is a value that was not read. */
  read: (value: V | undefined) => string;
}

/** How every kind reads a side that was not read. */
export const NOT_READ = 'not read';

export function registryValueKind(name: SettingName): KindDescription<ValueState> {
  return {
    label: name,
    effect: 'after-restart',
    read: (state) => {
      if (!state) return NOT_READ;
      return state.present && state.type === 'REG_DWORD' && typeof state.data === 'number'
        ? withUnit(name, state.data)
        : describeValue(state);
    },
  };
}

export function dynamicRangeKind(family: Family): KindDescription<PortRange> {
  return {
    label: `Dynamic port range, ${FAMILY_LABEL[family]}`,
    effect: 'at-once',
    read: (range) => (range ? rangeText(range) : NOT_READ),
  };
}

/** `reserved` is a one-port administered exclusion, the form this tool adds; `covered` is inside someone else's. */
const HOLD_TEXT: Record<Hold, string> = {
  reserved: 'reserved',
  covered: 'inside another exclusion',
  open: 'not reserved',
};

export function reservedPortKind(port: number): KindDescription<Record<Family, Hold>> {
  return {
    label: `Port ${port}`,
    effect: 'at-once',
    read: (holds) => {
      if (!holds) return NOT_READ;
      if (holds.ipv4 === holds.ipv6) return HOLD_TEXT[holds.ipv4];
      return FAMILIES.map((family) => `${FAMILY_LABEL[family]} ${HOLD_TEXT[holds[family]]}`).join(', ');
    },
  };
}

/**
 * A part someone changed after this tool, as a sentence of its own: "Port 3306 (IPv4): reserved
 * after this tool's last change, not reserved now." Part names may start lowercase ("the IPv4
 * dynamic port range"); the sentence starts with a capital, and reads right for every kind.
 */
export function changedSinceText({ name, was, now }: { name: string; was: string; now: string }): string {
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}: ${was} after this tool's last change, ${now} now.`;
}
