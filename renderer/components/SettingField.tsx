import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { ValueState } from '../../shared/registry-value';
import { SETTINGS, type SettingName } from '../../shared/settings';
import { validateSetting } from '../../shared/validation';
import { describeCurrent } from '../model/format';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  input: { width: '180px' },
});

interface Props {
  name: SettingName;
  text: string;
  current: ValueState;
  onChange: (text: string) => void;
}

/** One registry value: typed as text and checked with the same rule the main side applies. */
export function SettingField({ name, text, current, onChange }: Props) {
  const styles = useStyles();
  const setting = SETTINGS[name];
  const check = validateSetting(name, text);
  const unit = setting.unit === 'seconds' ? ' seconds' : '';
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
            className={styles.input}
            value={text}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            contentAfter={setting.unit === 'seconds' ? 'seconds' : undefined}
            onChange={(_event, data) => onChange(data.value)}
          />
          <Button size="small" onClick={() => onChange(String(setting.recommended))}>
            Use recommended ({setting.recommended})
          </Button>
          <Button size="small" onClick={() => onChange(String(setting.windowsDefault))}>
            Use Windows default ({setting.windowsDefault})
          </Button>
        </div>
      )}
    </Field>
  );
}
