import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import type { Status, UndoResult } from '../../shared/contract';
import { describeValue } from '../../shared/registry-value';
import { SETTING_NAMES } from '../../shared/settings';
import { Busy } from '../components/Busy';
import { FailureBar } from '../components/FailureBar';
import { Page } from '../components/Page';
import { PathText } from '../components/PathText';
import { RestartPanel } from '../components/RestartPanel';
import { Section } from '../components/Section';
import { StepHeading } from '../components/StepHeading';
import { useAction } from '../hooks/useAction';
import { formatDate } from '../model/format';
import { undoSteps } from '../model/undo-plan';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

interface Props {
  status: Status;
  loading: boolean;
  /** Reads the status again: the plan must show what the values are now, not when the app opened. */
  onRefresh: () => unknown;
  onCancel: () => void;
  onDone: () => void;
}

export function UndoPage({ status, loading, onRefresh, onCancel, onDone }: Props) {
  const styles = useStyles();
  const undo = useAction((force: boolean) => window.tuner.undo({ force }));
  const run = async (force: boolean) => {
    await undo.run(force);
    // Done or refused, the values or the history have moved on.
    onRefresh();
  };
  useEffect(() => {
    onRefresh();
  }, [onRefresh]);

  if (undo.value) return <UndoResultView result={undo.value} onBack={onCancel} onDone={onDone} />;

  const baseline = status.undo;
  if (!baseline && !loading) {
    return (
      <Page footerStart={<Button onClick={onCancel}>Back</Button>}>
        <StepHeading>Undo changes</StepHeading>
        <Body1>Nothing to undo: no change made by this tool is in effect.</Body1>
      </Page>
    );
  }

  const refused = undo.failure?.kind === 'undo-refused' ? undo.failure : null;
  return (
    <Page
      footerStart={
        <Button disabled={undo.busy} onClick={onCancel}>
          Cancel
        </Button>
      }
      footer={
        <>
          {undo.busy ? <Busy label="Backing up and restoring the values…" /> : null}
          {refused ? null : (
            <Button appearance="primary" disabled={undo.busy || loading} onClick={() => void run(false)}>
              Undo changes
            </Button>
          )}
        </>
      }
    >
      <StepHeading>Undo changes</StepHeading>
      <Section title="What will be restored">
        {loading || !baseline ? (
          <Busy label="Reading the registry…" />
        ) : (
          <>
            <Body1>Both values go back to how they were before this tool first changed them ({formatDate(baseline.at)}):</Body1>
            <ul className={styles.list}>
              {undoSteps(baseline, status.values).map((step) => (
                <li key={step}>
                  <Body1>{step}</Body1>
                </li>
              ))}
            </ul>
            <Body1>A backup of the current values is made first.</Body1>
          </>
        )}
      </Section>
      {refused ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Changed outside this tool</MessageBarTitle>
            {refused.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button disabled={undo.busy || loading} onClick={() => void run(true)}>
              Undo anyway
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {undo.failure && !refused ? <FailureBar failure={undo.failure} title="Not undone" /> : null}
    </Page>
  );
}

function UndoResultView({ result, onBack, onDone }: { result: UndoResult; onBack: () => void; onDone: () => void }) {
  if (result.status === 'nothing-to-undo') {
    return (
      <Page footerStart={<Button onClick={onBack}>Back</Button>}>
        <StepHeading>Undo changes</StepHeading>
        <MessageBar intent="info">
          <MessageBarBody>Nothing to undo: no change made by this tool is in effect.</MessageBarBody>
        </MessageBar>
      </Page>
    );
  }
  const restored = SETTING_NAMES.map((name) => {
    const value = result.restored[name];
    return value.present ? `${name} set back to ${describeValue(value)}` : `${name} deleted`;
  }).join('; ');
  return (
    <Page>
      <StepHeading>Undo changes</StepHeading>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Undone</MessageBarTitle>
          {restored}. Backup of the values just before the undo: <PathText>{result.backupFile}</PathText>
        </MessageBarBody>
      </MessageBar>
      <Body1>Windows uses the restored values after a restart.</Body1>
      <RestartPanel onLater={onDone} onDone={onDone} />
    </Page>
  );
}
