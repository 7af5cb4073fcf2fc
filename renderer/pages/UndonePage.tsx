import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useRef } from 'react';
import type { UndoResult } from '../../shared/contract';
import { ALL_BACK, allBack, stillChangedLines, undoRows } from '../../shared/undo-rows';
import { useAnnounce } from '../components/Announcer';
import { ChangeTable } from '../components/ChangeTable';
import { Page } from '../components/Page';
import { PathText } from '../components/PathText';
import { RestartSection } from '../components/RestartSection';
import { StepHeading } from '../components/StepHeading';
import { useRestart } from '../hooks/useRestart';
import { useTuner } from '../wizard/TunerContext';

const NOTHING = 'Nothing to undo: no change made by this tool is in effect.';

/** After the undo: every part as the undo found it and as it reads now, and what is still not as before the first change. */
export function UndonePage({ result, onBack }: { result: UndoResult; onBack: () => void }) {
  const restart = useRestart();
  const { status } = useTuner();
  const back = useRef<HTMLButtonElement>(null);
  const kept = result.status === 'undone' ? stillChangedLines(result) : [];
  useAnnounce(result.status === 'undone' ? `Undone. ${kept.length === 0 ? ALL_BACK : kept.join(' ')}` : NOTHING);
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
      <MessageBar intent={allBack(result) ? 'success' : 'warning'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{allBack(result) ? 'Undone' : 'Undone, except'}</MessageBarTitle>
          {allBack(result) ? ALL_BACK : kept.join(' ')} Backup of the values just before the undo:{' '}
          <PathText>{result.backupFile}</PathText>
        </MessageBarBody>
      </MessageBar>
      <ChangeTable
        rows={undoRows(result)}
        headings={['Before undo', 'Now (read back)']}
        label="Undone, before and restored"
      />
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
