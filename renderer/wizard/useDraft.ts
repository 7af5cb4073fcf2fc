import { checkDraft, type CheckedDraft, type DraftContext } from './draft';
import { useTuner } from './TunerContext';
import { useWizard } from './WizardContext';

/** What the change is worked out from: this Windows, the latest readings, and why the diagnosis was not read if it was not. */
export function useDraftContext(): DraftContext | null {
  const { status, diagnosis } = useTuner();
  if (!status) return null;
  return {
    usesDynamicPortRange: status.windows.usesDynamicPortRange,
    diagnosis: diagnosis.value,
    diagnosisFailure: diagnosis.failure?.message ?? null,
    values: status.values,
  };
}

/** The change as the wizard's state and the latest readings make it, for any page after Check. */
export function useDraft(): CheckedDraft | null {
  const { state } = useWizard();
  const context = useDraftContext();
  return context ? checkDraft(state, context) : null;
}
