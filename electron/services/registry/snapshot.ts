import {
  PARAMETERS_KEY,
  SETTING_NAMES,
  perSetting,
  pickSettings,
  type PerSetting,
  type SettingName,
} from '../../../shared/settings';
import type { ValueState } from '../../../shared/registry-value';
import { TunerError } from '../errors';
import { buildRegFile, decodePayload, valuesOfKey, type RegFile } from './reg-file';

/**
 * A value exactly as the registry held it: its `.reg` payload (`dword:0000fffe`,
 * `"text"`, `hex(7):…`), which `reg import` writes back bit for bit, whatever the type.
 */
export type ExactValue = { present: false } | { present: true; payload: string };

/**
 * A payload as `reg export` spells one value: a quoted string, a dword, or a hex list, on one
 * line. Anything else (a line break above all) could smuggle other keys into a `.reg` file
 * this elevated tool imports, so it is refused wherever a payload is read from disk.
 */
const PAYLOAD =
  /^(?:"(?:[^"\\\r\n]|\\[^\r\n])*"|dword:[0-9a-f]{8}|hex(?:\([0-9a-f]{1,2}\))?:[0-9a-f]{2}(?:,[0-9a-f]{2})*|hex(?:\([0-9a-f]{1,2}\))?:)$/;

export function isPayload(text: string): boolean {
  return PAYLOAD.test(text);
}
export type Snapshot = PerSetting<ExactValue>;

/** Every setting as a `.reg` export holds it; null when the export lacks the key. */
export function snapshotOf(file: RegFile): Snapshot | null {
  const values = valuesOfKey(file, PARAMETERS_KEY);
  if (!values) return null;
  const found = pickSettings(values);
  return perSetting((name): ExactValue => {
    const payload = found[name];
    return payload === undefined || payload === '-' ? { present: false } : { present: true, payload };
  });
}

export function valueStateOf(value: ExactValue): ValueState {
  if (!value.present) return { present: false };
  return decodePayload(value.payload) ?? { present: true, type: 'REG_NONE' };
}

export function valueStatesOf(snapshot: Snapshot): PerSetting<ValueState> {
  return perSetting((name) => valueStateOf(snapshot[name]));
}

function sameValue(a: ExactValue, b: ExactValue): boolean {
  return a.present === b.present && (!a.present || (b.present && a.payload === b.payload));
}

export function differingSettings(a: Snapshot, b: Snapshot): SettingName[] {
  return SETTING_NAMES.filter((name) => !sameValue(a[name], b[name]));
}

/** A `.reg` file that puts every setting back as the snapshot has it (deleting absent ones). */
export function restoreFileFor(snapshot: Snapshot): Buffer {
  return buildRegFile(
    PARAMETERS_KEY,
    SETTING_NAMES.map((name) => {
      const value = snapshot[name];
      if (value.present && !isPayload(value.payload))
        throw new TunerError('unexpected', `Refused to restore ${name}: its saved data is malformed.`);
      return [name, value.present ? value.payload : null] as const;
    }),
  );
}
