import { Body1, Button } from '@fluentui/react-components';
import { useRef } from 'react';
import { SETTING_NAMES } from '../../shared/settings';
import { Page } from '../components/Page';
import { RestartSection } from '../components/RestartSection';
import { StepHeading } from '../components/StepHeading';
import { useRestart } from '../hooks/useRestart';
import { useWizard } from '../wizard/WizardContext';

export function RestartPage() {
  const { state, go, startOver } = useWizard();
  const restart = useRestart();
  const next = useRef<HTMLButtonElement>(null);
  const answered = restart.restart.value !== null;
  return (
    <Page
      busy={restart.busy}
      footerStart={
        <Button disabled={restart.busy !== null} onClick={() => go(state.applied ? 'review' : 'check')}>
          Back
        </Button>
      }
      footer={
        answered ? (
          <Button ref={next} appearance="primary" onClick={startOver}>
            Back to Check
          </Button>
        ) : null
      }
    >
      <StepHeading>Restart Windows</StepHeading>
      <Body1>
        Windows reads {SETTING_NAMES.join(' and ')} only when it starts. Until the next restart it keeps using the old
        values.
      </Body1>
      <RestartSection {...restart} next={next} />
    </Page>
  );
}
