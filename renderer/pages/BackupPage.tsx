import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { SETTING_NAMES } from '../../shared/settings';
import { useAnnounce } from '../components/Announcer';
import { BackupFiles } from '../components/BackupFiles';
import { FailureBar } from '../components/FailureBar';
import { Page } from '../components/Page';
import { PathText } from '../components/PathText';
import { Section } from '../components/Section';
import { StepHeading } from '../components/StepHeading';
import { useAction } from '../hooks/useAction';
import { useFocusOn } from '../hooks/useFocusOn';
import { useTuner } from '../wizard/TunerContext';
import { useWizard } from '../wizard/WizardContext';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  folder: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

export function BackupPage() {
  const styles = useStyles();
  const { status, api } = useTuner();
  const { state, dispatch, go } = useWizard();
  const choose = useAction(() => api.chooseBackupFolder({}));
  const create = useAction(() => api.createBackup({}));
  const backup = state.backup;
  const busy = choose.busy
    ? 'Waiting for the folder to be chosen…'
    : create.busy
      ? 'Exporting the key and checking the file…'
      : null;
  // The backup just made (not one made on an earlier visit): said, and focus on to Next.
  const made = backup !== null && backup === create.value ? backup : null;
  useAnnounce(made ? `Backup verified: ${made.file}` : null);
  const next = useFocusOn<HTMLButtonElement>(made);

  const chooseFolder = async () => {
    const result = await choose.run();
    // A backup in the old folder is not one in the new folder.
    if (result.ok && result.value.folder) dispatch({ type: 'backed-up', backup: null });
  };
  const createBackup = async () => {
    const result = await create.run();
    dispatch({ type: 'backed-up', backup: result.ok ? result.value : null });
  };

  return (
    <Page
      busy={busy}
      footerStart={<Button onClick={() => go('check')}>Back</Button>}
      footer={
        <Button ref={next} appearance="primary" disabled={!backup || busy !== null} onClick={() => go('configure')}>
          Next
        </Button>
      }
    >
      <StepHeading>Back up the key</StepHeading>
      <Body1>
        A backup is three files: the whole registry key exported to a .reg file and read back to check it; a small{' '}
        <PathText whole>-restore.reg</PathText> that holds only {SETTING_NAMES.join(' and ')}; and a{' '}
        <PathText whole>.json</PathText> that records the values and, once Apply runs, the dynamic port range and the
        reservations (netsh has no export of its own).
      </Body1>

      <Section title="Backup folder">
        <div className={styles.folder}>
          <PathText>{status?.backupDir ?? ''}</PathText>
        </div>
        <div className={styles.row}>
          {/* Focusable while busy, so focus stays on the button used until its result is there. */}
          <Button disabledFocusable={busy !== null} onClick={() => void chooseFolder()}>
            Choose folder…
          </Button>
          <Button
            appearance={backup ? 'secondary' : 'primary'}
            disabledFocusable={busy !== null}
            onClick={() => void createBackup()}
          >
            {backup ? 'Create another backup' : 'Create backup'}
          </Button>
        </div>
      </Section>

      {choose.failure ? <FailureBar failure={choose.failure} title="The folder was not changed" /> : null}
      {create.failure ? <FailureBar failure={create.failure} /> : null}

      {backup && !create.busy && !create.failure ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Backup verified</MessageBarTitle>
            <BackupFiles backup={backup} />
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </Page>
  );
}
