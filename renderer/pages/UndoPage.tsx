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
import { rows } from '../../shared/change-rows';
import { useAnnounce } from '../components/Announcer';
import { Busy } from '../components/Busy';
import { ChangeTable } from '../components/ChangeTable';
import { FailureBar } from '../components/FailureBar';
import { Page } from '../components/Page';
import { Section } from '../components/Section';
import { StepHeading } from '../components/StepHeading';
import { UndoLoadNote } from '../components/UndoLoadNote';
import { useAction } from '../hooks/useAction';
import { useFocusOn } from '../hooks/useFocusOn';
import { stateNow } from '../wizard/change-state';
import { formatDate } from '../wizard/format';
import { undoNotes } from '../wizard/undo-plan';
import { useTuner } from '../wizard/TunerContext';
import { useWizard } from '../wizard/WizardContext';
import { UndonePage } from './UndonePage';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

export function UndoPage() {
  const styles = useStyles();
  const { status, loading, api, diagnosis } = useTuner();
  const { state, go } = useWizard();
  const undo = useAction((force: boolean) => api.undo({ force }));
  const back = () => go(state.cameFrom);
  const refused = undo.failure?.kind === 'undo-refused' ? undo.failure : null;
  useAnnounce(refused?.message ?? null, 'assertive');
  // Undo's button goes when it is refused: focus goes to the choice that changes nothing.
  const keep = useFocusOn<HTMLButtonElement>(refused);

  if (undo.value) return <UndonePage result={undo.value} onBack={back} />;
  const baseline = status?.undo;
  if (!baseline && !loading) {
    return (
      <Page footerStart={<Button onClick={back}>Back</Button>}>
        <StepHeading>Undo changes</StepHeading>
        <Body1>Nothing to undo: no change made by this tool is in effect.</Body1>
      </Page>
    );
  }
  const outside = status?.outsideChanges ?? [];
  const now =
    status && baseline
      ? stateNow(status.values, diagnosis.value, Object.keys(baseline.values.reservedPorts ?? {}).map(Number))
      : null;
  const run = (force: boolean) => {
    void undo.run(force);
  };
  const notes = baseline ? undoNotes(baseline, outside) : [];
  return (
    <Page
      busy={undo.busy ? 'Backing up and restoring…' : null}
      footerStart={
        <Button ref={keep} disabled={undo.busy} onClick={back}>
          Keep the current values
        </Button>
      }
      footer={
        refused || outside.length > 0 ? null : (
          <Button
            appearance="primary"
            disabledFocusable={undo.busy || loading || diagnosis.loading}
            onClick={() => run(false)}
          >
            Undo changes
          </Button>
        )
      }
    >
      <StepHeading>Undo changes</StepHeading>
      <Section title="What will be restored">
        {loading || !baseline || !now ? (
          <Busy label="Reading the registry…" />
        ) : (
          <>
            <Body1>
              Everything goes back to how it was before this tool first changed it ({formatDate(baseline.at)}):
            </Body1>
            <ChangeTable
              rows={rows(now, baseline.values)}
              headings={['Now', 'After undo']}
              label="Undo, now and after"
            />
            {notes.length > 0 ? (
              <ul className={styles.list}>
                {notes.map((note) => (
                  <li key={note}>
                    <Body1>{note}</Body1>
                  </li>
                ))}
              </ul>
            ) : null}
            <UndoLoadNote baseline={baseline} diagnosis={diagnosis.value} />
            <Body1>A backup of the current values is made first.</Body1>
          </>
        )}
      </Section>
      {refused || outside.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Changed outside this tool</MessageBarTitle>
            {refused ? refused.message : 'Someone changed these values after this tool did.'} Undo anyway replaces their
            values with the ones from before this tool's first change; keeping them leaves everything as it is now.
          </MessageBarBody>
          <MessageBarActions>
            <Button disabledFocusable={undo.busy || loading} onClick={() => run(true)}>
              Undo anyway
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {undo.failure && !refused ? <FailureBar failure={undo.failure} title="Not undone" /> : null}
    </Page>
  );
}
