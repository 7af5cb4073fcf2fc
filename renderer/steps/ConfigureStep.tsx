import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { effectiveValues } from '../../shared/in-force';
import { SETTING_NAMES } from '../../shared/settings';
import { CapacityTable } from '../components/CapacityTable';
import { DynamicRangeFields } from '../components/DynamicRangeFields';
import { DynamicRangeNote } from '../components/DynamicRangeNote';
import { Page } from '../components/Page';
import { ReservePortsField } from '../components/ReservePortsField';
import { Section } from '../components/Section';
import { SettingField } from '../components/SettingField';
import { StepHeading } from '../components/StepHeading';
import { checkDraft } from '../state/draft';
import { useTuner } from '../state/TunerContext';
import { useWizard } from '../state/WizardContext';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function ConfigureStep() {
  const styles = useStyles();
  const { status, diagnosis } = useTuner();
  const { state, dispatch, go } = useWizard();
  const noteId = useId();
  if (!status) return null;
  const { checks, range, change } = checkDraft(state);
  const dynamicRange = status.windows.usesDynamicPortRange;
  return (
    <Page
      footerStart={<Button onClick={() => go('backup')}>Back</Button>}
      footer={
        <Button appearance="primary" disabled={!change} onClick={() => go('review')}>
          Next
        </Button>
      }
    >
      <StepHeading>Choose the new values</StepHeading>
      <Body1>Both are written as REG_DWORD. Nothing changes until you apply them on the next page.</Body1>
      <div className={styles.fields}>
        {SETTING_NAMES.map((name) => {
          const noted = name === 'MaxUserPort' && dynamicRange;
          return (
            <div key={name} className={styles.field}>
              <SettingField
                name={name}
                text={state.draft[name]}
                check={checks[name]}
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
      {dynamicRange ? (
        <Section title="Dynamic port range">
          <DynamicRangeFields range={state.range} check={range} diagnosis={diagnosis.value} onChange={(edit) => dispatch({ type: 'edit-range', range: edit })} />
        </Section>
      ) : null}
      {diagnosis.value && diagnosis.value.ports.listeningInRange.length > 0 ? (
        <Section title="Protect what listens">
          <ReservePortsField atRisk={diagnosis.value.ports.listeningInRange} reserve={state.reserve} onChange={(ports) => dispatch({ type: 'reserve', ports })} />
        </Section>
      ) : null}
      <Section title="What this means">
        <CapacityTable now={effectiveValues(status.values)} next={change} dynamicRange={dynamicRange} range={diagnosis.value?.ports.dynamic.ipv4 ?? undefined} />
      </Section>
    </Page>
  );
}
