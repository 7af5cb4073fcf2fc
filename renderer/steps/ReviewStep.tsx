import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
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
import type { DraftChange } from '../state/draft';
import { useDraft } from '../state/useDraft';
import { useTuner } from '../state/TunerContext';
import { useWizard } from '../state/WizardContext';
import { AppliedView } from './AppliedView';

export function ReviewStep() {
  const { status, loading, api } = useTuner();
  const { state, dispatch, go } = useWizard();
  const checked = useDraft();
  const apply = useAction((change: DraftChange) => api.apply(change));
  if (state.applied) return <AppliedView justNow={apply.value !== null} />;
  const change = checked?.change && !checked.nothing ? checked.change : null;
  const run = async (chosen: DraftChange, before: NonNullable<typeof checked>['now']) => {
    const result = await apply.run(chosen);
    if (result.ok) dispatch({ type: 'applied', result: result.value, before });
  };
  const changes = checked?.rows ?? [];
  const protect = checked?.protect;
  const reserved = change?.reservePorts ?? [];
  // Applied before netsh's exclusions are in, the change would reserve nothing.
  const waiting = checked?.unknownPorts?.reading === true;
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
        <Button appearance="primary" disabledFocusable={apply.busy || loading || waiting || !change} onClick={() => change && checked && void run(change, checked.now)}>
          Apply
        </Button>
      }
    >
      <StepHeading>Review and apply</StepHeading>
      {loading || !status ? <Busy label="Reading the registry…" /> : <ChangeTable rows={changes} headings={['Now', 'After']} label="Changes, now and after" />}
      {protect && reserved.length > 0 ? (
        <Body1>
          Reserved for IPv4 and IPv6 (netsh port exclusions), so no outgoing connection takes them: {reserved.join(', ')}. They are inside{' '}
          {protect.because}, {rangeText(protect.range)}.
        </Body1>
      ) : null}
      {checked?.unknownPorts ? <UnknownPorts unknown={checked.unknownPorts} /> : null}
      {checked?.nothing ? <Body1>Nothing would change: every value is already as chosen.</Body1> : null}
      {needsRestart(changes) ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>A restart of Windows is needed</MessageBarTitle>
            Windows reads the registry values only when it starts. Nothing restarts now: you choose when on the next page.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Body1>
        Apply uses the backup from the Back up page while the key has not changed since (otherwise it makes a new one in{' '}
        <PathText>{status?.backupDir ?? ''}</PathText>), makes each change and reads it back. If any step fails, everything is put back as it
        was.
      </Body1>
      {apply.failure ? <FailureBar failure={apply.failure} title="Not applied" /> : null}
    </Page>
  );
}
