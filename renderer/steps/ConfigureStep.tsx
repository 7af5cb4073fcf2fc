import { Body1, Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { effectiveValues } from '../../shared/in-force';
import { CapacityTable } from '../components/CapacityTable';
import { ChangeTable } from '../components/ChangeTable';
import { CustomFields } from '../components/CustomFields';
import { Page } from '../components/Page';
import { ReservePortsField } from '../components/ReservePortsField';
import { Section } from '../components/Section';
import { StepHeading } from '../components/StepHeading';
import { TemplateChoice } from '../components/TemplateChoice';
import { UnknownPorts } from '../components/UnknownPorts';
import { templateFill, type TemplateId } from '../model/templates';
import { useDraft, useDraftContext } from '../state/useDraft';
import { useTuner } from '../state/TunerContext';
import { useWizard } from '../state/WizardContext';

export function ConfigureStep() {
  const { status, diagnosis } = useTuner();
  const { state, dispatch, go, openUndo } = useWizard();
  const checked = useDraft();
  const context = useDraftContext();
  if (!status || !checked || !context) return null;
  const choose = (template: TemplateId) => {
    // Custom starts from the template chosen before it, so a DBA adjusts rather than retypes.
    const from = state.template === 'recommended' || state.template === 'mysql' ? templateFill(state.template, context) : undefined;
    dispatch({ type: 'choose', template, fill: template === 'custom' ? from : undefined });
  };
  const defaults = state.template === 'defaults';
  const { change, protect, unknownPorts, nothing } = checked;
  const owners = new Map((diagnosis.value?.ports.listening ?? []).map(({ port, process }) => [port, process]));
  return (
    <Page
      footerStart={<Button onClick={() => go('backup')}>Back</Button>}
      footer={
        <Button appearance="primary" disabled={defaults ? !status.undo : !change || nothing} onClick={() => (defaults ? openUndo() : go('review'))}>
          Next
        </Button>
      }
    >
      <StepHeading>Choose the new values</StepHeading>
      <Body1>Nothing changes until you apply on the next page.</Body1>
      <Section title="Start from">
        <TemplateChoice value={state.template} context={context} canUndo={status.undo !== null} onChange={choose} />
      </Section>
      {state.template === 'custom' ? <CustomFields state={state} checked={checked} status={status} diagnosis={diagnosis.value} dispatch={dispatch} /> : null}
      {(protect || unknownPorts) && !defaults ? (
        <Section title="Protect what listens">
          {protect ? <ReservePortsField {...protect} owners={owners} unticked={state.unticked} onToggle={(port, on) => dispatch({ type: 'protect', port, on })} /> : null}
          {unknownPorts ? <UnknownPorts unknown={unknownPorts} /> : null}
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
          <CapacityTable now={effectiveValues(status.values)} next={change} dynamicRange={status.windows.usesDynamicPortRange} diagnosis={diagnosis.value} />
        </Section>
      )}
    </Page>
  );
}
