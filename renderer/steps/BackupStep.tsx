import { Body1, Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { Backup } from '../../shared/contract';
import { describeValue } from '../../shared/registry-value';
import { Busy } from '../components/Busy';
import { FailureBar } from '../components/FailureBar';
import { Page } from '../components/Page';
import { PathText } from '../components/PathText';
import { Section } from '../components/Section';
import { StepHeading } from '../components/StepHeading';
import { useAction } from '../hooks/useAction';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  folder: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

interface Props {
  folder: string;
  backup: Backup | null;
  onFolderChosen: (folder: string) => void;
  onBackedUp: (backup: Backup | null) => void;
  onBack: () => void;
  onNext: () => void;
}

export function BackupStep({ folder, backup, onFolderChosen, onBackedUp, onBack, onNext }: Props) {
  const styles = useStyles();
  const choose = useAction(() => window.tuner.chooseBackupFolder({}));
  const create = useAction(() => window.tuner.createBackup({}));
  const busy = choose.busy || create.busy;

  const chooseFolder = async () => {
    const result = await choose.run();
    // The main side answers with the folder now in use, whatever was picked.
    if (result.ok && result.value.folder) onFolderChosen(result.value.folder);
  };
  const createBackup = async () => {
    const result = await create.run();
    onBackedUp(result.ok ? result.value : null);
  };

  return (
    <Page
      footerStart={<Button onClick={onBack}>Back</Button>}
      footer={
        <Button appearance="primary" disabled={!backup || busy} onClick={onNext}>
          Next
        </Button>
      }
    >
      <StepHeading>Back up the key</StepHeading>
      <Body1>
        The whole key is exported to a .reg file and read back to check it. To restore it by hand later, run{' '}
        <PathText>reg import FILE</PathText> as administrator.
      </Body1>

      <Section title="Backup folder">
        <div className={styles.folder}>
          <PathText>{folder}</PathText>
        </div>
        <div className={styles.row}>
          <Button disabled={busy} onClick={() => void chooseFolder()}>
            Choose folder…
          </Button>
          <Button appearance={backup ? 'secondary' : 'primary'} disabled={busy} onClick={() => void createBackup()}>
            {backup ? 'Create another backup' : 'Create backup'}
          </Button>
        </div>
      </Section>

      {choose.busy ? <Busy label="Waiting for the folder to be chosen…" /> : null}
      {create.busy ? <Busy label="Exporting the key and checking the file…" /> : null}
      {choose.failure ? <FailureBar failure={choose.failure} title="The folder was not changed" /> : null}
      {create.failure ? <FailureBar failure={create.failure} /> : null}

      {backup && !create.busy && !create.failure ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Backup verified</MessageBarTitle>
            <PathText>{backup.file}</PathText>
            <br />
            It holds MaxUserPort {describeValue(backup.values.MaxUserPort)} and TcpTimedWaitDelay{' '}
            {describeValue(backup.values.TcpTimedWaitDelay)}.
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </Page>
  );
}
