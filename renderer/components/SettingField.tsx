import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { describeInForce, withUnit } from '../../shared/in-force';
import type { ValueState } from '../../shared/registry-value';
import { SETTINGS, type SettingName } from '../../shared/settings';
import type { Validation } from '../../shared/validation';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  input: { width: '180px' },
});

/** How long typing may pause before a half-typed number is judged. */
const PAUSE_MS = 1200;

interface Props {
  name: SettingName;
  /** What is typed; null leaves the value as it is. */
  text: string | null;
  /** The verdict on `text`, from the wizard's one selector (checkDraft); null when left as it is. */
  check: Validation | null;
  current: ValueState;
  usesDynamicPortRange: boolean;
  onChange: (text: string | null) => void;
  /** Another element that explains the box, read after the Field's own messages and hint. */
  describedBy?: string;
}

/** One registry value, typed as text. Its message waits until the box is left or typing pauses: "6" on the way to 65534 is not a mistake. */
export function SettingField({ name, text, check, current, usesDynamicPortRange, onChange, describedBy }: Props) {
  const styles = useStyles();
  const setting = SETTINGS[name];
  const [judged, setJudged] = useState(true);
  useEffect(() => {
    if (judged) return;
    const timer = setTimeout(() => setJudged(true), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [judged, text]);
  const showError = judged && check !== null && !check.ok;
  const presets = [
    { label: `Recommended: ${withUnit(name, setting.recommended)}`, value: setting.recommended },
    {
      label: `${withUnit(name, setting.windowsDefault)} (default of ${setting.defaultSource})`,
      value: setting.windowsDefault,
    },
    { label: 'Leave as it is', value: null },
  ];
  const unit = setting.unit === 'seconds' ? ' seconds' : '';
  return (
    <Field
      label={name}
      hint={`${setting.summary} Whole number from ${setting.min} to ${setting.max}${unit}. Now: ${describeInForce(name, current, usesDynamicPortRange)}.`}
      validationState={showError ? 'error' : 'none'}
      validationMessage={showError && check && !check.ok ? check.message : undefined}
    >
      {/* The presets sit beside the box; the Field still wires its label and messages to the box alone. */}
      {(control) => (
        <div className={styles.row}>
          <Input
            {...control}
            aria-describedby={[control['aria-describedby'], describedBy].filter(Boolean).join(' ') || undefined}
            className={styles.input}
            value={text ?? ''}
            placeholder={text === null ? 'Left as it is' : undefined}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            contentAfter={setting.unit === 'seconds' ? 'seconds' : undefined}
            onChange={(_event, data) => {
              setJudged(false);
              onChange(data.value);
            }}
            onBlur={() => setJudged(true)}
          />
          {presets.map((preset) => {
            const active = preset.value === null ? text === null : check?.ok === true && check.value === preset.value;
            return (
              // Outside the Field's wiring, so the name says which setting the button fills in; it starts with the visible text.
              <Button
                key={preset.label}
                size="small"
                appearance={active ? 'primary' : 'secondary'}
                aria-pressed={active}
                aria-label={`${preset.label} for ${name}`}
                onClick={() => {
                  setJudged(true);
                  onChange(preset.value === null ? null : String(preset.value));
                }}
              >
                {preset.label}
              </Button>
            );
          })}
        </div>
      )}
    </Field>
  );
}
