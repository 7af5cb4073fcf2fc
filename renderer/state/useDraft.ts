import { checkDraft, type CheckedDraft } from './draft';
import { useTuner } from './TunerContext';
import { useWizard } from './WizardContext';

/** The change as the wizard's state and the latest readings make it, for any page after Check. */
export function useDraft(): CheckedDraft | null {
  const { status, diagnosis } = useTuner();
  const { state } = useWizard();
  if (!status) return null;
  return checkDraft(state, { usesDynamicPortRange: status.windows.usesDynamicPortRange, diagnosis: diagnosis.value, values: status.values });
}
