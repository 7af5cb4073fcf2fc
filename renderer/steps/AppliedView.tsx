import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { needsRestart, rows } from '../../shared/change-rows';
import { ChangeTable } from '../components/ChangeTable';
import { Page } from '../components/Page';
import { PathText } from '../components/PathText';
import { StepHeading } from '../components/StepHeading';
import { formatDate } from '../model/format';
import { useWizard } from '../state/WizardContext';

/** After Apply: every kind the change touched, as it was and as it read back. */
export function AppliedView() {
  const { state, go, openUndo, openExport } = useWizard();
  if (!state.applied) return null;
  const { result, before } = state.applied;
  const changes = rows(before, result.readBack);
  const restart = needsRestart(changes);
  const atOnce = changes.some((row) => row.changed && row.effect === 'at-once');
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
          Every change read back as written. {atOnce ? 'The range and the reservations are in force now. ' : ''}
          {restart ? 'Windows uses the registry values after its next restart.' : 'No restart is needed.'}
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
