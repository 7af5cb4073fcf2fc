import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { rows, withRestart } from '../../shared/change-rows';
import { useAnnounce } from '../components/Announcer';
import { ChangeTable } from '../components/ChangeTable';
import { Page } from '../components/Page';
import { PathText } from '../components/PathText';
import { StepHeading } from '../components/StepHeading';
import { appliedSummary } from '../wizard/applied';
import { formatDate } from '../wizard/format';
import { useTuner } from '../wizard/TunerContext';
import { useWizard } from '../wizard/WizardContext';

/** After Apply: every kind the change touched, as it was and as it read back; said once, `justNow`, not on every visit. */
export function AppliedPage({ justNow }: { justNow: boolean }) {
  const { state, go, openUndo, openExport } = useWizard();
  const { status } = useTuner();
  const readBack = state.applied?.result.readBack ?? {};
  const changes = state.applied
    ? withRestart(rows(state.applied.before, readBack), readBack, status?.windows.usesDynamicPortRange ?? false)
    : [];
  const said = appliedSummary(changes).join(' ');
  useAnnounce(justNow ? `Applied. ${said}` : null);
  if (!state.applied) return null;
  const { result } = state.applied;
  return (
    <Page
      footerStart={
        <>
          <Button onClick={openUndo}>Undo changes</Button>
          <Button onClick={openExport}>Use on other servers…</Button>
        </>
      }
      footer={
        <Button appearance="primary" onClick={() => go('restart')}>
          Next
        </Button>
      }
    >
      <StepHeading>Applied</StepHeading>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Applied</MessageBarTitle>
          {said}
        </MessageBarBody>
      </MessageBar>
      <ChangeTable rows={changes} headings={['Before', 'Read back']} label="Changes, before and read back" />
      <Body1>
        {result.backupReused
          ? `The backup made on the Back up page (${formatDate(result.backup.createdAt)}) still held the key exactly, so no second one was made: `
          : 'Backup of the values before the change: '}
        <PathText>{result.backup.file}</PathText>
      </Body1>
    </Page>
  );
}
