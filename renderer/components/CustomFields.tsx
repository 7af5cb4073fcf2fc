import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { Status } from '../../shared/contract';
import type { Diagnosis } from '../../shared/diagnosis';
import { SETTING_NAMES } from '../../shared/settings';
import type { CheckedDraft } from '../wizard/draft';
import type { WizardEvent, WizardState } from '../wizard/types';
import { netshReady } from '../wizard/templates';
import { DynamicRangeFields } from './DynamicRangeFields';
import { DynamicRangeNote } from './DynamicRangeNote';
import { Section } from './Section';
import { SettingField } from './SettingField';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

interface Props {
  state: WizardState;
  checked: CheckedDraft;
  status: Status;
  diagnosis: Diagnosis | null;
  dispatch: (event: WizardEvent) => void;
}

/** Custom: the two values typed as text, and the range where netsh can set one. */
export function CustomFields({ state, checked, status, diagnosis, dispatch }: Props) {
  const styles = useStyles();
  const noteId = useId();
  const dynamicRange = status.windows.usesDynamicPortRange;
  return (
    <>
      <div className={styles.fields}>
        {SETTING_NAMES.map((name) => {
          const noted = name === 'MaxUserPort' && dynamicRange;
          return (
            <div key={name} className={styles.field}>
              <SettingField
                name={name}
                text={state.draft[name]}
                check={checked.checks[name]}
                current={status.values[name]}
                usesDynamicPortRange={dynamicRange}
                onChange={(text) => dispatch({ type: 'edit', name, text })}
                describedBy={noted ? noteId : undefined}
              />
              {noted ? <DynamicRangeNote id={noteId} /> : null}
            </div>
          );
        })}
      </div>
      {dynamicRange && netshReady(diagnosis) ? (
        <Section title="Dynamic port range">
          <DynamicRangeFields
            range={state.range}
            check={checked.range}
            diagnosis={diagnosis}
            onChange={(edit) => dispatch({ type: 'edit-range', range: edit })}
          />
        </Section>
      ) : null}
    </>
  );
}
