import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { Status } from '../../shared/contract';
import type { PerSetting, SettingName } from '../../shared/settings';
import { checkDraft } from '../state/draft';
import { CapacityTable } from '../components/CapacityTable';
import { DynamicRangeNote } from '../components/DynamicRangeNote';
import { Page } from '../components/Page';
import { Section } from '../components/Section';
import { SettingField } from '../components/SettingField';
import { StepHeading } from '../components/StepHeading';
import { effectiveValues } from '../../shared/in-force';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

interface Props {
  status: Status;
  draft: PerSetting<string>;
  onEdit: (name: SettingName, text: string) => void;
  onBack: () => void;
  onNext: () => void;
}

export function ConfigureStep({ status, draft, onEdit, onBack, onNext }: Props) {
  const styles = useStyles();
  const next = checkDraft(draft).values;
  const dynamicRange = status.windows.usesDynamicPortRange;
  const noteId = useId();
  return (
    <Page
      footerStart={<Button onClick={onBack}>Back</Button>}
      footer={
        <Button appearance="primary" disabled={!next} onClick={onNext}>
          Next
        </Button>
      }
    >
      <StepHeading>Choose the new values</StepHeading>
      <Body1>Both are written as REG_DWORD. Nothing changes until you apply them on the next page.</Body1>
      <div className={styles.fields}>
        <div className={styles.field}>
          <SettingField
            name="MaxUserPort"
            text={draft.MaxUserPort}
            current={status.values.MaxUserPort}
            onChange={(text) => onEdit('MaxUserPort', text)}
            describedBy={dynamicRange ? noteId : undefined}
          />
          {dynamicRange ? <DynamicRangeNote id={noteId} /> : null}
        </div>
        <SettingField
          name="TcpTimedWaitDelay"
          text={draft.TcpTimedWaitDelay}
          current={status.values.TcpTimedWaitDelay}
          onChange={(text) => onEdit('TcpTimedWaitDelay', text)}
        />
      </div>
      <Section title="What this means">
        <CapacityTable now={effectiveValues(status.values)} next={next} dynamicRange={dynamicRange} />
      </Section>
    </Page>
  );
}
