import {
  Body1,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useState } from 'react';
import { needsRestart } from '../../shared/change-rows';
import { rangeText } from '../../shared/port-text';
import { Busy } from '../components/Busy';
import { ChangeTable } from '../components/ChangeTable';
import { FailureBar } from '../components/FailureBar';
import { Page } from '../components/Page';
import { PathText } from '../components/PathText';
import { StepHeading } from '../components/StepHeading';
import { UnknownPorts } from '../components/UnknownPorts';
import { useAction } from '../hooks/useAction';
import { stateNow } from '../wizard/change-state';
import { drift, leftChanged, reviewRows, type Reviewed } from '../wizard/review';
import type { DraftChange } from '../wizard/types';
import { useDraft } from '../wizard/useDraft';
import { useTuner } from '../wizard/TunerContext';
import { useWizard } from '../wizard/WizardContext';
import { AppliedPage } from './AppliedPage';

export function ReviewPage() {
  const { status, loading, api, diagnosis } = useTuner();
  const { state, dispatch, go } = useWizard();
  const checked = useDraft();
  const apply = useAction((change: DraftChange) => api.apply(change));
  const change = checked?.change && !checked.nothing ? checked.change : null;
  const current: Reviewed | null =
    checked && change && status
      ? {
          change,
          rows: reviewRows(checked.now, checked.rows, change, status.windows.usesDynamicPortRange),
          now: checked.now,
        }
      : null;
  // The table the DBA has read: Apply sends it and nothing else; it is taken once the readings settle.
  const [reviewed, setReviewed] = useState<Reviewed | null>(null);
  const settled = !loading && !diagnosis.loading && !apply.busy;
  // Taken while rendering (React's way to keep state from an earlier render), not in an effect: no extra render with Apply still off.
  if (!reviewed && settled && current) setReviewed(current);
  if (state.applied) return <AppliedPage justNow={apply.value !== null} />;

  const moved = reviewed && current ? drift(reviewed, current) : [];
  const run = async (chosen: Reviewed) => {
    const result = await apply.run(chosen.change);
    if (result.ok) dispatch({ type: 'applied', result: result.value, before: chosen.now });
  };
  const changes = current?.rows ?? checked?.rows ?? [];
  const protect = checked?.protect;
  const reserved = change?.reservePorts ?? [];
  // Applied before netsh's exclusions are in, the change would reserve nothing.
  const waiting = checked?.unknownPorts?.reading === true;
  const partly = apply.failure?.kind === 'restore-failed';
  const left =
    partly && reviewed && status
      ? leftChanged(reviewed, stateNow(status.values, diagnosis.value, reviewed.change.reservePorts ?? []))
      : [];
  return (
    <Page
      busy={apply.busy ? 'Writing and reading back…' : null}
      footerStart={
        <Button disabled={apply.busy} onClick={() => go('configure')}>
          Back
        </Button>
      }
      footer={
        // Focusable while it runs and the values are read again: after a failure, focus is still here.
        <Button
          appearance="primary"
          disabledFocusable={
            apply.busy || loading || waiting || !reviewed || moved.length > 0 || checked?.blocked != null
          }
          onClick={() => reviewed && void run(reviewed)}
        >
          Apply
        </Button>
      }
    >
      <StepHeading>Review and apply</StepHeading>
      {/* Kept on screen while the values are read again: a table swapped for a spinner and back would push a failure below out of view. */}
      {status ? <ChangeTable rows={changes} headings={['Now', 'After']} label="Changes, now and after" /> : null}
      {loading || !status ? <Busy label={status ? 'Reading the registry again…' : 'Reading the registry…'} /> : null}
      {moved.length > 0 && current ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not what you reviewed</MessageBarTitle>
            The values were read again and Apply would now send a different change: {moved.join('; ')}. Apply stays off
            until you have read the table above again.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => setReviewed(current)}>I have reviewed the new table</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {protect && reserved.length > 0 ? (
        <Body1>
          Reserved for IPv4 and IPv6 (netsh port exclusions), so no outgoing connection takes them:{' '}
          {reserved.join(', ')}. They are inside {protect.because}, {rangeText(protect.range)}.
        </Body1>
      ) : null}
      {checked?.blocked ? <Body1>{checked.blocked}</Body1> : null}
      {checked?.unknownPorts ? <UnknownPorts unknown={checked.unknownPorts} /> : null}
      {checked?.nothing ? <Body1>Nothing would change: every value is already as chosen.</Body1> : null}
      {needsRestart(changes) ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>A restart of Windows is needed</MessageBarTitle>
            Windows reads the registry values only when it starts. Nothing restarts now: you choose when on the next
            page.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Body1>
        Apply keeps its backup in <PathText>{status?.changeBackupDir ?? ''}</PathText>, the only folder Undo trusts: it
        uses the one from the Back up page when it is there and the key has not changed since, otherwise it makes a new
        one. Then it makes each change and reads it back. If any step fails, everything is put back as it was.
      </Body1>
      {apply.failure ? (
        <FailureBar
          failure={apply.failure}
          title={partly ? 'Partly applied; putting it back failed' : 'Not applied'}
          takeFocus
        />
      ) : null}
      {left.length > 0 ? (
        <>
          <Body1>Left changed, as read again after the failure:</Body1>
          <ChangeTable
            rows={left}
            headings={['Before Apply', 'Read now']}
            label="Left changed after the failed Apply"
          />
        </>
      ) : null}
    </Page>
  );
}
