import { describeValue, type ValueState } from '../../shared/registry-value';
import { SETTINGS, type SettingName } from '../../shared/settings';

const numbers = new Intl.NumberFormat('en-US');
const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatNumber(value: number): string {
  return numbers.format(value);
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dates.format(date);
}

/** A whole number of the setting's unit: "65534", "30 seconds". */
function withUnit(name: SettingName, value: number): string {
  return SETTINGS[name].unit === 'seconds' ? `${value} seconds` : String(value);
}

/** What a value is now, in the words a DBA would use; absent values say what Windows does instead. */
export function describeCurrent(name: SettingName, state: ValueState): string {
  if (!state.present) return `Not set — Windows uses ${withUnit(name, SETTINGS[name].windowsDefault)}`;
  if (state.type === 'REG_DWORD' && typeof state.data === 'number') return withUnit(name, state.data);
  return describeValue(state);
}
