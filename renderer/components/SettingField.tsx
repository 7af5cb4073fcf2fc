import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { ValueState } from '../../shared/registry-value';
import { SETTINGS, type PerSetting, type SettingName } from '../../shared/settings';
import { validateSetting } from '../../shared/validation';
import { describeCurrent } from '../model/format';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  input: { width: '180px' },
});

/**
 * Whose default the second preset writes. It writes the number itself, which is not the same as
 * leaving the value unset; and MaxUserPort's 5000 is only what Server 2003 and older fell back to.
 */
const DEFAULT_SOURCE: PerSetting<string> = {
  MaxUserPort: 'the old Windows default',
  TcpTimedWaitDelay: 'the Windows default',
};

interface Props {
  name: SettingName;
  text: string;
  current: ValueState;
  onChange: (text: string) => void;
  /** Another element that explains the box, read after the Field's own messages and hint. */
  describedBy?: string;
}

/** One registry value: typed as text and checked with the same rule the main side applies. */
export function SettingField({ name, text, current, onChange, describedBy }: Props) {
  const styles = useStyles();
  const setting = SETTINGS[name];
  const check = validateSetting(name, text);
  const unit = setting.unit === 'seconds' ? ' seconds' : '';
  const presets = [
    { label: `Use recommended (${setting.recommended})`, value: setting.recommended },
    { label: `Use ${setting.windowsDefault} (${DEFAULT_SOURCE[name]})`, value: setting.windowsDefault },
  ];
  return (
    <Field
      label={name}
      hint={`${setting.summary} Whole number from ${setting.min} to ${setting.max}${unit}. Now: ${describeCurrent(name, current)}.`}
      validationState={check.ok ? 'none' : 'error'}
      validationMessage={check.ok ? undefined : check.message}
    >
      {/* The presets sit beside the box; the Field still wires its label and messages to the box alone. */}
      {(control) => (
        <div className={styles.row}>
          <Input
            {...control}
            aria-describedby={[control['aria-describedby'], describedBy].filter(Boolean).join(' ') || undefined}
            className={styles.input}
            value={text}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            contentAfter={setting.unit === 'seconds' ? 'seconds' : undefined}
            onChange={(_event, data) => onChange(data.value)}
          />
          {presets.map((preset) => (
            // Outside the Field's wiring, so the name says which setting the button fills in; it starts with the visible text.
            <Button key={preset.label} size="small" aria-label={`${preset.label} for ${name}`} onClick={() => onChange(String(preset.value))}>
              {preset.label}
            </Button>
          ))}
        </div>
      )}
    </Field>
  );
}
