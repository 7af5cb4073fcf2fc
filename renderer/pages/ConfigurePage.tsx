import { Body1, Button, Caption1, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useId } from 'react';
import type { Diagnosis } from '../../shared/diagnosis';
import { effectiveValues } from '../../shared/in-force';
import { holdIn } from '../../shared/port-pool';
import { AcceptUnprotected } from '../components/AcceptUnprotected';
import { CapacityTable } from '../components/CapacityTable';
import { ChangeTable } from '../components/ChangeTable';
import { CustomFields } from '../components/CustomFields';
import { OwnPortField } from '../components/OwnPortField';
import { Page } from '../components/Page';
import { ReservePortsField } from '../components/ReservePortsField';
import { Section } from '../components/Section';
import { StepHeading } from '../components/StepHeading';
import { TemplateChoice } from '../components/TemplateChoice';
import { UnknownPorts } from '../components/UnknownPorts';
import { netshReady, templateFill } from '../wizard/templates';
import type { TemplateId } from '../wizard/types';
import { useDraft, useDraftContext } from '../wizard/useDraft';
import { useTuner } from '../wizard/TunerContext';
import { useWizard } from '../wizard/WizardContext';

function heldInBoth(diagnosis: Diagnosis | null, port: number): boolean {
  const excluded = diagnosis?.ports.excluded;
  return holdIn(excluded?.ipv4 ?? [], port) !== 'open' && holdIn(excluded?.ipv6 ?? [], port) !== 'open';
}

export function ConfigurePage() {
  const { status, diagnosis } = useTuner();
  const { state, dispatch, go, openUndo } = useWizard();
  const checked = useDraft();
  const context = useDraftContext();
  const reasonId = useId();
  if (!status || !checked || !context) return null;
  const choose = (template: TemplateId) => {
    // Custom starts from the template chosen before it, so a DBA adjusts rather than retypes.
    const from =
      state.template === 'recommended' || state.template === 'mysql'
        ? templateFill(state.template, context)
        : undefined;
    dispatch({ type: 'choose', template, fill: template === 'custom' ? from : undefined });
  };
  const defaults = state.template === 'defaults';
  const { change, protect, unknownPorts, unprotected, blocked, nothing } = checked;
  // Custom may add a port of its own, wherever netsh can reserve one.
  const ownField = state.template === 'custom' && netshReady(diagnosis.value);
  const waiting = defaults ? null : blocked;
  const owners = new Map((diagnosis.value?.ports.listening ?? []).map(({ port, process }) => [port, process]));
  return (
    <Page
      footerStart={<Button onClick={() => go('backup')}>Back</Button>}
      footer={
        <>
          {waiting ? <Caption1 id={reasonId}>{waiting}</Caption1> : null}
          <Button
            appearance="primary"
            disabled={defaults ? !status.undo : !change || nothing || waiting !== null}
            aria-describedby={waiting ? reasonId : undefined}
            onClick={() => (defaults ? openUndo() : go('review'))}
          >
            Next
          </Button>
        </>
      }
    >
      <StepHeading>Choose the new values</StepHeading>
      <Body1>Nothing changes until you apply on the next page.</Body1>
      <Section title="Start from">
        <TemplateChoice value={state.template} context={context} canUndo={status.undo !== null} onChange={choose} />
      </Section>
      {state.template === 'custom' ? (
        <CustomFields state={state} checked={checked} status={status} diagnosis={diagnosis.value} dispatch={dispatch} />
      ) : null}
      {(protect || unknownPorts || unprotected || ownField) && !defaults ? (
        <Section title="Protect what listens">
          {protect ? (
            <ReservePortsField
              {...protect}
              owners={owners}
              unticked={state.unticked}
              own={state.ownPorts}
              onToggle={(port, on) => dispatch({ type: 'protect', port, on })}
            />
          ) : null}
          {ownField ? (
            <OwnPortField
              listed={protect?.ports ?? []}
              held={(port) => heldInBoth(diagnosis.value, port)}
              onAdd={(port) => dispatch({ type: 'own-port', port })}
            />
          ) : null}
          {unknownPorts ? <UnknownPorts unknown={unknownPorts} /> : null}
          {unprotected ? (
            <AcceptUnprotected
              unprotected={unprotected}
              accepted={state.accepted}
              onChange={(on) => dispatch({ type: 'accept', on })}
            />
          ) : null}
        </Section>
      ) : null}
      {change && !defaults ? (
        <Section title="What changes">
          {nothing ? (
            <MessageBar intent="info">
              <MessageBarBody>Nothing would change: every value is already as chosen.</MessageBarBody>
            </MessageBar>
          ) : (
            <ChangeTable rows={checked.rows} headings={['Now', 'After']} label="Changes, now and after" />
          )}
        </Section>
      ) : null}
      {defaults ? null : (
        <Section title="What this means">
          <CapacityTable
            now={effectiveValues(status.values)}
            next={change}
            dynamicRange={status.windows.usesDynamicPortRange}
            diagnosis={diagnosis.value}
          />
        </Section>
      )}
    </Page>
  );
}
