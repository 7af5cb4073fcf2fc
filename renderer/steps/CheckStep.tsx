import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { Status } from '../../shared/contract';
import { CurrentValues } from '../components/CurrentValues';
import { HistoryTable } from '../components/HistoryTable';
import { Page } from '../components/Page';
import { PathText } from '../components/PathText';
import { Section } from '../components/Section';
import { StepHeading } from '../components/StepHeading';
import { formatDate } from '../model/format';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  facts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

interface Props {
  status: Status;
  onNext: () => void;
  onUndo: () => void;
  onRestart: () => void;
}

export function CheckStep({ status, onNext, onUndo, onRestart }: Props) {
  const styles = useStyles();
  const baseline = status.undo;
  return (
    <Page
      footer={
        <Button appearance="primary" onClick={onNext}>
          Next
        </Button>
      }
    >
      <StepHeading>Check the current settings</StepHeading>
      <Body1>
        Every closed TCP connection keeps its local port blocked for a while (TIME_WAIT). On a busy host the free ports run
        out and MySQL clients fail with “Can't connect to MySQL server”.
      </Body1>

      {status.restartPending ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Restart pending</MessageBarTitle>
            Windows uses the changed values only after a restart.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onRestart}>Restart…</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      {baseline ? (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Changed by this tool</MessageBarTitle>
            on {formatDate(baseline.at)}.
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={onUndo}>
              Undo changes
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      <Section title="Current values">
        <CurrentValues status={status} />
        <div className={styles.facts}>
          <Caption1 className={styles.muted}>
            {status.windows.name}, version {status.windows.version}
          </Caption1>
          <Caption1 className={styles.muted}>
            Key: <PathText>{status.key}</PathText>
          </Caption1>
        </div>
      </Section>

      {status.history.length > 0 ? (
        <Section title="Changes made by this tool">
          <HistoryTable history={status.history} />
        </Section>
      ) : null}
    </Page>
  );
}
