import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useRef } from 'react';
import { rows, type PartialState } from '../../shared/change-rows';
import type { UndoResult } from '../../shared/contract';
import { useAnnounce } from '../components/Announcer';
import { ChangeTable } from '../components/ChangeTable';
import { Page } from '../components/Page';
import { PathText } from '../components/PathText';
import { RestartSection } from '../components/RestartSection';
import { StepHeading } from '../components/StepHeading';
import { useRestart } from '../hooks/useRestart';
import { useTuner } from '../state/TunerContext';

const UNDONE = 'Everything this tool changed is back as it was before its first change.';
const NOTHING = 'Nothing to undo: no change made by this tool is in effect.';

/** After the undo: every kind it put back, from what the plan showed to what it restored. */
export function Undone({ result, before, onBack }: { result: UndoResult; before: PartialState | null; onBack: () => void }) {
  const restart = useRestart();
  const { status } = useTuner();
  const back = useRef<HTMLButtonElement>(null);
  useAnnounce(result.status === 'undone' ? `Undone. ${UNDONE}` : NOTHING);
  if (result.status === 'nothing-to-undo') {
    return (
      <Page footerStart={<Button onClick={onBack}>Back</Button>}>
        <StepHeading>Undo changes</StepHeading>
        <MessageBar intent="info">
          <MessageBarBody>{NOTHING}</MessageBarBody>
        </MessageBar>
      </Page>
    );
  }
  return (
    <Page
      busy={restart.busy}
      footerStart={
        <Button ref={back} onClick={onBack}>
          Back
        </Button>
      }
    >
      <StepHeading>Undo changes</StepHeading>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Undone</MessageBarTitle>
          {UNDONE} Backup of the values just before the undo:{' '}
          <PathText>{result.backupFile}</PathText>
        </MessageBarBody>
      </MessageBar>
      <ChangeTable rows={rows(before ?? {}, result.restored)} headings={['Before undo', 'Restored']} label="Undone, before and restored" />
      {status?.restartPending ? (
        <>
          <Body1>Windows uses the restored values after a restart.</Body1>
          <RestartSection {...restart} next={back} />
        </>
      ) : (
        <Body1>No restart is needed: these are the values Windows started with.</Body1>
      )}
    </Page>
  );
}
