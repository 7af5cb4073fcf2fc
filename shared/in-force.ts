import { SETTINGS, perSetting, type PerSetting, type SettingName } from './settings';
import { describeValue, type ValueState } from './registry-value';

/** A plain sentence about a value Windows will not use as intended, or null when it is fine. */
export function valueProblem(name: SettingName, state: ValueState): string | null {
  if (!state.present) return null;
  const { min, max } = SETTINGS[name];
  if (state.type !== 'REG_DWORD') {
    return `${name} is stored as ${state.type}, not REG_DWORD, so Windows ignores it.`;
  }
  if (typeof state.data !== 'number' || state.data < min || state.data > max) {
    return `${name} is ${String(state.data)}, outside the valid range ${min} to ${max}.`;
  }
  return null;
}

/** The number Windows works with for a value, or undefined when it is absent or ignored. */
export function effectiveValue(name: SettingName, state: ValueState): number | undefined {
  return state.present && valueProblem(name, state) === null ? (state.data as number) : undefined;
}

export function effectiveValues(values: PerSetting<ValueState>): PerSetting<number | undefined> {
  return perSetting((name) => effectiveValue(name, values[name]));
}

/** What Windows uses for a value: its own number when valid, otherwise the default when absent. */
export function inForce(name: SettingName, state: ValueState): { value: number; fromDefault: boolean } {
  const value = effectiveValue(name, state);
  return value === undefined
    ? { value: SETTINGS[name].windowsDefault, fromDefault: true }
    : { value, fromDefault: false };
}

/** A number in its setting's unit, the same way everywhere: "65534", "30 seconds". */
export function withUnit(name: SettingName, value: number): string {
  return SETTINGS[name].unit === 'seconds' ? `${value} seconds` : String(value);
}

/**
 * What a value means to Windows, in the words a DBA would use. On Vista and later an absent
 * MaxUserPort leaves the dynamic port range in charge, so there is no number to quote for it.
 */
export function describeInForce(name: SettingName, state: ValueState, usesDynamicPortRange: boolean): string {
  const value = effectiveValue(name, state);
  if (value !== undefined) return withUnit(name, value);
  const said = state.present ? `${describeValue(state)}, ignored` : 'Not set';
  if (name === 'MaxUserPort' && usesDynamicPortRange) return `${said}: the dynamic port range decides`;
  return `${said}: Windows uses ${withUnit(name, SETTINGS[name].windowsDefault)}`;
}
