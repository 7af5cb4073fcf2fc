import { perSetting, SETTING_NAMES, type PerSetting } from '../../shared/settings';
import { validateSetting, type Validation } from '../../shared/validation';

export interface CheckedDraft {
  /** Each field's verdict, for its message. */
  checks: PerSetting<Validation>;
  /** Every value, once every field is valid; otherwise null. */
  values: PerSetting<number> | null;
}

/** The one place the wizard validates what was typed: the fields, the capacity table and Apply all read this. */
export function checkDraft(draft: PerSetting<string>): CheckedDraft {
  const checks = perSetting((name) => validateSetting(name, draft[name]));
  const valid = SETTING_NAMES.every((name) => checks[name].ok);
  return { checks, values: valid ? perSetting((name) => (checks[name] as { value: number }).value) : null };
}
