import { Body1, Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { withUnit } from '../../shared/in-force';
import { describeValue, type ValueState } from '../../shared/registry-value';
import { SETTING_NAMES, type PerSetting } from '../../shared/settings';
import { Busy } from '../components/Busy';
import { FailureBar } from '../components/FailureBar';
import { describeRange } from '../../shared/port-range';
import { Page } from '../components/Page';
import { PathText } from '../components/PathText';
import { StepHeading } from '../components/StepHeading';
import { useAction } from '../hooks/useAction';
import { formatDate } from '../model/format';
import { checkDraft, type DraftChange } from '../state/draft';
import { useTuner } from '../state/TunerContext';
import { useWizard } from '../state/WizardContext';

const useStyles = makeStyles({
  name: { fontFamily: tokens.fontFamilyMonospace },
  table: { maxWidth: '560px' },
});

function ChangeTable({ before, after, headings }: { before: PerSetting<ValueState>; after: PerSetting<string>; headings: [string, string] }) {
  const styles = useStyles();
  return (
    <Table className={styles.table} aria-label="Registry values">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Value</TableHeaderCell>
          <TableHeaderCell>{headings[0]}</TableHeaderCell>
          <TableHeaderCell>{headings[1]}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {SETTING_NAMES.map((name) => (
          <TableRow key={name}>
            <TableCell className={styles.name}>{name}</TableCell>
            <TableCell>{describeValue(before[name])}</TableCell>
            <TableCell>{after[name]}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Applied() {
  const { state, go, openUndo, openExport } = useWizard();
  const applied = state.applied;
  if (!applied) return null;
  const readBack = Object.fromEntries(SETTING_NAMES.map((name) => [name, describeValue(applied.readBack[name])])) as PerSetting<string>;
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
      <StepHeading>Review and apply</StepHeading>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Applied</MessageBarTitle>
          Both values read back from the registry as written. Windows uses them after its next restart.
        </MessageBarBody>
      </MessageBar>
      <ChangeTable before={applied.backup.values} after={readBack} headings={['Before', 'Read back']} />
      <Body1>
        {applied.backupReused ? `The backup made on the Back up page (${formatDate(applied.backup.createdAt)}) still held the key exactly, so no second one was made: ` : 'Backup of the values before the change: '}
        <PathText>{applied.backup.file}</PathText>
      </Body1>
    </Page>
  );
}

export function ReviewStep() {
  const { status, loading, api, diagnosis } = useTuner();
  const { state, dispatch, go } = useWizard();
  const apply = useAction((change: DraftChange) => api.apply(change));
  if (state.applied) return <Applied />;
  const { values, change } = checkDraft(state);
  const run = async (chosen: DraftChange) => {
    const result = await apply.run(chosen);
    if (result.ok) dispatch({ type: 'applied', result: result.value });
  };
  const range = change?.dynamicRange;
  const rangeNow = diagnosis.value?.ports.dynamic.ipv4;
  const next = Object.fromEntries(SETTING_NAMES.map((name) => [name, values ? withUnit(name, values[name]) : '—'])) as PerSetting<string>;
  return (
    <Page
      busy={apply.busy ? 'Writing and reading back…' : null}
      footerStart={
        <Button disabled={apply.busy} onClick={() => go('configure')}>
          Back
        </Button>
      }
      footer={
        <Button appearance="primary" disabled={apply.busy || loading || !change} onClick={() => change && void run(change)}>
          Apply
        </Button>
      }
    >
      <StepHeading>Review and apply</StepHeading>
      {loading || !status ? <Busy label="Reading the registry…" /> : <ChangeTable before={status.values} after={next} headings={['Now', 'New (REG_DWORD)']} />}
      {range ? (
        <Body1>
          Dynamic port range, IPv4 and IPv6: {rangeNow ? describeRange(rangeNow) : 'not read'} → {describeRange(range)}. This takes
          effect at once, without a restart.
        </Body1>
      ) : null}
      {change?.reservePorts ? (
        <Body1>
          Reserve ports {change.reservePorts.join(', ')} for IPv4 and IPv6 (netsh port exclusions), so no outgoing connection takes
          them. This takes effect at once, without a restart.
        </Body1>
      ) : null}
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>A restart of Windows is needed</MessageBarTitle>
          Windows reads {SETTING_NAMES.join(' and ')} only when it starts. Nothing restarts now: you choose when on the next
          page.
        </MessageBarBody>
      </MessageBar>
      <Body1>
        Apply uses the backup from the Back up page while the key has not changed since (otherwise it makes a new one in{' '}
        <PathText>{status?.backupDir ?? ''}</PathText>), writes both values and reads them back. If any step fails, both
        values are put back as they were.
      </Body1>
      {apply.failure ? <FailureBar failure={apply.failure} title="Not applied" /> : null}
    </Page>
  );
}
