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
import { changedSinceText } from '../../shared/change-kinds';
import { Busy } from '../components/Busy';
import { CurrentValues } from '../components/CurrentValues';
import { DiagnosisArea } from '../components/DiagnosisArea';
import { HistoryTable } from '../components/HistoryTable';
import { Page } from '../components/Page';
import { PathText } from '../components/PathText';
import { PortsOrMysql } from '../components/PortsOrMysql';
import { Section } from '../components/Section';
import { SettledNotice } from '../components/SettledNotice';
import { StepHeading } from '../components/StepHeading';
import { VerdictBar } from '../components/VerdictBar';
import { usePortsCheck } from '../hooks/usePortsCheck';
import { formatDate } from '../wizard/format';
import { lastUndone } from '../wizard/history';
import { useTuner } from '../wizard/TunerContext';
import { useWizard } from '../wizard/WizardContext';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  facts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export function CheckPage() {
  const styles = useStyles();
  const { status, loading, dataFolder } = useTuner();
  const { go, openUndo, openExport } = useWizard();
  const ports = usePortsCheck();
  // Never show values from before a change as the current ones.
  if (!status || loading) return <Busy label="Reading the registry…" />;
  const baseline = status.undo;
  const undone = baseline ? null : lastUndone(status.history);
  // A "not the ports" answer leads the page, and tuning is no longer offered as the next step.
  const notPorts = ports.verdict.kind === 'mysql' || ports.verdict.kind === 'network' ? ports.verdict : null;
  return (
    <Page
      footerStart={<Button onClick={openExport}>Use on other servers…</Button>}
      footer={
        <Button appearance={notPorts ? 'secondary' : 'primary'} onClick={() => go('backup')}>
          {notPorts ? 'Tune anyway' : 'Next'}
        </Button>
      }
    >
      <StepHeading>Check the current settings</StepHeading>
      <SettledNotice settled={status.settledAtStart} />
      {notPorts ? (
        <div role="group" aria-label="Is it the ports? The answer">
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{notPorts.title}</MessageBarTitle>
              {notPorts.next} The evidence is under "Is it the ports?" below.
            </MessageBarBody>
          </MessageBar>
        </div>
      ) : null}
      {/* The verdict first, then what the DBA can act on (restart, undo): at the smallest window these are above the fold. */}
      <VerdictBar />
      {dataFolder.value?.problem ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The data folder cannot be written</MessageBarTitle>
            Backups, the change journal and snapshots go to <PathText>{dataFolder.value.folder}</PathText>, but{' '}
            {dataFolder.value.problem}. Nothing can be changed until it can. {dataFolder.value.fix}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {status.restartPending ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Restart pending</MessageBarTitle>
            Windows uses the changed values only after a restart.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => go('restart')}>Restart…</Button>
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
            <Button appearance="primary" onClick={openUndo}>
              Undo changes
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      {undone ? (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Changed by this tool and undone</MessageBarTitle>
            Changed on {formatDate(undone.changed)}, undone on {formatDate(undone.undone)}. The history below shows what
            each did.
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {status.outsideChanges.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Changed outside this tool</MessageBarTitle>
            {status.outsideChanges.map(changedSinceText).join(' ')} Undo would overwrite this.
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <Body1>
        Every closed TCP connection keeps its local port blocked for a while (TIME_WAIT). On a busy host the free ports
        run out and MySQL clients fail with “Can't connect to MySQL server”.
      </Body1>

      <PortsOrMysql check={ports} />
      <DiagnosisArea status={status} />

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
