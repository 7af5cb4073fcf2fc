import { Body1, Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { UndoResult } from '../../shared/contract';
import { describeValue } from '../../shared/registry-value';
import { SETTING_NAMES } from '../../shared/settings';
import { Busy } from '../components/Busy';
import { FailureBar } from '../components/FailureBar';
import { Page } from '../components/Page';
import { PathText } from '../components/PathText';
import { RestartSection } from '../components/RestartSection';
import { Section } from '../components/Section';
import { StepHeading } from '../components/StepHeading';
import { useAction } from '../hooks/useAction';
import { useRestart } from '../hooks/useRestart';
import { formatDate } from '../model/format';
import { undoSteps } from '../model/undo-plan';
import { useTuner } from '../state/TunerContext';
import { useWizard } from '../state/WizardContext';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function UndoPage() {
  const styles = useStyles();
  const { status, loading, api } = useTuner();
  const { state, go } = useWizard();
  const undo = useAction((force: boolean) => api.undo({ force }));
  const back = () => go(state.cameFrom);

  if (undo.value) return <Undone result={undo.value} onBack={back} />;
  const baseline = status?.undo;
  if (!baseline && !loading) {
    return (
      <Page footerStart={<Button onClick={back}>Back</Button>}>
        <StepHeading>Undo changes</StepHeading>
        <Body1>Nothing to undo: no change made by this tool is in effect.</Body1>
      </Page>
    );
  }
  const refused = undo.failure?.kind === 'undo-refused' ? undo.failure : null;
  const outside = status?.outsideChanges ?? [];
  return (
    <Page
      busy={undo.busy ? 'Backing up and restoring the values…' : null}
      footerStart={
        <Button disabled={undo.busy} onClick={back}>
          Keep the current values
        </Button>
      }
      footer={
        refused || outside.length > 0 ? null : (
          <Button appearance="primary" disabled={undo.busy || loading} onClick={() => void undo.run(false)}>
            Undo changes
          </Button>
        )
      }
    >
      <StepHeading>Undo changes</StepHeading>
      <Section title="What will be restored">
        {loading || !baseline || !status ? (
          <Busy label="Reading the registry…" />
        ) : (
          <>
            <Body1>Both values go back to how they were before this tool first changed them ({formatDate(baseline.at)}):</Body1>
            <ul className={styles.list}>
              {undoSteps(baseline, status.values, outside).map((step) => (
                <li key={step}>
                  <Body1>{step}</Body1>
                </li>
              ))}
            </ul>
            <Body1>A backup of the current values is made first.</Body1>
          </>
        )}
      </Section>
      {refused || outside.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Changed outside this tool</MessageBarTitle>
            {refused ? refused.message : 'Someone changed these values after this tool did.'} Undo anyway replaces their values
            with the ones from before this tool's first change; keeping them leaves everything as it is now.
          </MessageBarBody>
          <MessageBarActions>
            <Button disabled={undo.busy || loading} onClick={() => void undo.run(true)}>
              Undo anyway
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {undo.failure && !refused ? <FailureBar failure={undo.failure} title="Not undone" /> : null}
    </Page>
  );
}

function Undone({ result, onBack }: { result: UndoResult; onBack: () => void }) {
  const restart = useRestart();
  const { status } = useTuner();
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
    <Page busy={restart.busy} footerStart={<Button onClick={onBack}>Back</Button>}>
      <StepHeading>Undo changes</StepHeading>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Undone</MessageBarTitle>
          {restored}. Backup of the values just before the undo: <PathText>{result.backupFile}</PathText>
        </MessageBarBody>
      </MessageBar>
      {status?.restartPending ? (
        <>
          <Body1>Windows uses the restored values after a restart.</Body1>
          <RestartSection {...restart} />
        </>
      ) : (
        <Body1>No restart is needed: these are the values Windows started with.</Body1>
      )}
    </Page>
  );
}
