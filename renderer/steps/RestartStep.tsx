import { Body1 } from '@fluentui/react-components';
import { Page } from '../components/Page';
import { RestartPanel } from '../components/RestartPanel';
import { StepHeading } from '../components/StepHeading';

export function RestartStep({ onDone }: { onDone: () => void }) {
  return (
    <Page>
      <StepHeading>Restart Windows</StepHeading>
      <Body1>
        Windows reads MaxUserPort and TcpTimedWaitDelay only when it starts. Until the next restart it keeps using the old
        values.
      </Body1>
      <RestartPanel onLater={onDone} onDone={onDone} />
    </Page>
  );
}
