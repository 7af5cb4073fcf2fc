import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { ApplyResult, Status } from '../../shared/contract';
import { describeValue, type ValueState } from '../../shared/registry-value';
import { SETTING_NAMES, type PerSetting } from '../../shared/settings';
import { Busy } from '../components/Busy';
import { FailureBar } from '../components/FailureBar';
import { Page } from '../components/Page';
import { PathText } from '../components/PathText';
import { StepHeading } from '../components/StepHeading';
import { useAction } from '../hooks/useAction';

const useStyles = makeStyles({
  name: { fontFamily: tokens.fontFamilyMonospace },
  table: { maxWidth: '560px' },
});

interface Props {
  status: Status;
  /** True while the values are read again: "Now" waits for them rather than show older ones. */
  reading: boolean;
  /** Null only if the fields became invalid; the Configure page does not let that reach here. */
  values: PerSetting<number> | null;
  folder: string;
  applied: ApplyResult | null;
  onApplied: (result: ApplyResult) => void;
  /** Reads the status again. */
  onRefresh: () => unknown;
  onBack: () => void;
  onNext: () => void;
  onUndo: () => void;
}

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

export function ReviewStep({ status, reading, values, folder, applied, onApplied, onRefresh, onBack, onNext, onUndo }: Props) {
  const apply = useAction((pair: PerSetting<number>) => window.tuner.apply(pair));
  const run = async (pair: PerSetting<number>) => {
    const result = await apply.run(pair);
    if (result.ok) onApplied(result.value);
    // Applied or put back, the values and the history have moved on.
    onRefresh();
  };

  if (applied) {
    const readBack = {
      MaxUserPort: describeValue(applied.readBack.MaxUserPort),
      TcpTimedWaitDelay: describeValue(applied.readBack.TcpTimedWaitDelay),
    };
    return (
      <Page
        key="applied"
        footerStart={<Button onClick={onUndo}>Undo changes</Button>}
        footer={
          <Button appearance="primary" onClick={onNext}>
            Next
          </Button>
        }
      >
        <StepHeading>Review and apply</StepHeading>
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Applied</MessageBarTitle>
            Both values read back from the registry as written. They take effect after Windows restarts.
          </MessageBarBody>
        </MessageBar>
        <ChangeTable before={applied.backup.values} after={readBack} headings={['Before', 'Read back']} />
        <Body1>
          Backup of the values before the change: <PathText>{applied.backup.file}</PathText>
        </Body1>
      </Page>
    );
  }

  const next = {
    MaxUserPort: values ? String(values.MaxUserPort) : '—',
    TcpTimedWaitDelay: values ? String(values.TcpTimedWaitDelay) : '—',
  };
  return (
    <Page
      footerStart={
        <Button disabled={apply.busy} onClick={onBack}>
          Back
        </Button>
      }
      footer={
        <>
          {apply.busy ? <Busy label="Backing up, writing and reading back…" /> : null}
          <Button appearance="primary" disabled={apply.busy || reading || !values} onClick={() => values && void run(values)}>
            Apply
          </Button>
        </>
      }
    >
      <StepHeading>Review and apply</StepHeading>
      {reading ? (
        <Busy label="Reading the registry…" />
      ) : (
        <ChangeTable before={status.values} after={next} headings={['Now', 'New (REG_DWORD)']} />
      )}
      <Body1>
        Apply backs up the key again to <PathText>{folder}</PathText>, writes both values and reads them back. If any step
        fails, both values are put back as they were.
      </Body1>
      {apply.failure ? <FailureBar failure={apply.failure} title="Not applied" /> : null}
    </Page>
  );
}
