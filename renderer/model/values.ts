import type { Status } from '../../shared/contract';
import type { ValueState } from '../../shared/registry-value';
import type { PerSetting, SettingName } from '../../shared/settings';
import { valueProblem } from '../../shared/value-problem';

/** The number Windows actually works with: a value it ignores counts as not set. */
function effectiveValue(name: SettingName, state: ValueState): number | undefined {
  if (!state.present || valueProblem(name, state) !== null) return undefined;
  return state.data as number;
}

export function effectiveValues(values: Status['values']): PerSetting<number | undefined> {
  return { MaxUserPort: effectiveValue('MaxUserPort', values.MaxUserPort), TcpTimedWaitDelay: effectiveValue('TcpTimedWaitDelay', values.TcpTimedWaitDelay) };
}
