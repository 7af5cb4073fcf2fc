import { validateDynamicRange, type PortRange, type RangeValidation } from '../../shared/port-range';
import { perSetting, SETTING_NAMES, type PerSetting } from '../../shared/settings';
import { validateSetting, type Validation } from '../../shared/validation';
import type { WizardState } from './wizard';

export type DraftChange = PerSetting<number> & { dynamicRange?: PortRange; reservePorts?: number[] };

export interface CheckedDraft {
  /** Each field's verdict, for its message. */
  checks: PerSetting<Validation>;
  /** Every registry value, once every field is valid; otherwise null. */
  values: PerSetting<number> | null;
  /** The range's verdict, when it is to be changed at all. */
  range: RangeValidation | null;
  /** The whole change for Apply, once everything in it is valid; otherwise null. */
  change: DraftChange | null;
}

/** The one place the wizard validates what was typed: the fields, the capacity table and Apply all read this. */
export function checkDraft({ draft, range, reserve }: Pick<WizardState, 'draft' | 'range' | 'reserve'>): CheckedDraft {
  const checks = perSetting((name) => validateSetting(name, draft[name]));
  const valid = SETTING_NAMES.every((name) => checks[name].ok);
  const values = valid ? perSetting((name) => (checks[name] as { value: number }).value) : null;
  const rangeCheck = range.use ? validateDynamicRange(range.start, range.count) : null;
  const change =
    values && (!rangeCheck || rangeCheck.ok)
      ? { ...values, ...(rangeCheck?.ok ? { dynamicRange: rangeCheck.value } : {}), ...(reserve.length > 0 ? { reservePorts: reserve } : {}) }
      : null;
  return { checks, values, range: rangeCheck, change };
}
