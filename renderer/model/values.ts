import type { Status } from '../../shared/contract';
import type { ValueState } from '../../shared/registry-value';
import { SETTING_NAMES, type PerSetting, type SettingName } from '../../shared/settings';
import { validateSetting } from '../../shared/validation';
import { valueProblem } from '../../shared/value-problem';

/** The number Windows actually works with: a value it ignores counts as not set. */
function effectiveValue(name: SettingName, state: ValueState): number | undefined {
  if (!state.present || valueProblem(name, state) !== null) return undefined;
  return state.data as number;
}

export function effectiveValues(values: Status['values']): PerSetting<number | undefined> {
  return { MaxUserPort: effectiveValue('MaxUserPort', values.MaxUserPort), TcpTimedWaitDelay: effectiveValue('TcpTimedWaitDelay', values.TcpTimedWaitDelay) };
}

/** The typed pair when both fields are valid, otherwise null. */
export function validDraft(draft: PerSetting<string>): PerSetting<number> | null {
  const out: Partial<PerSetting<number>> = {};
  for (const name of SETTING_NAMES) {
    const result = validateSetting(name, draft[name]);
    if (!result.ok) return null;
    out[name] = result.value;
  }
  return out as PerSetting<number>;
}
