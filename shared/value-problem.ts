import { SETTINGS, type SettingName } from './settings';
import type { ValueState } from './registry-value';

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
