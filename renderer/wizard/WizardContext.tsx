import { createContext, useContext, useMemo, useReducer, type ReactNode } from 'react';
import { useTuner } from './TunerContext';
import { initialWizard, wizardReducer } from './reducer';
import type { StepView, WizardEvent, WizardState } from './types';

interface Wizard {
  state: WizardState;
  dispatch: (event: WizardEvent) => void;
  /** To a step; the pages that show the values as they are now read them again on the way in. */
  go: (view: StepView) => void;
  openUndo: () => void;
  openExport: () => void;
  /** Back to the first page with a fresh draft, once a change is done. */
  startOver: () => void;
}

const WizardContext = createContext<Wizard | null>(null);

export function WizardProvider({ children }: { children: ReactNode }) {
  const { refresh } = useTuner();
  const [state, dispatch] = useReducer(wizardReducer, undefined, () => initialWizard());
  const value = useMemo<Wizard>(
    () => ({
      state,
      dispatch,
      go: (view) => {
        dispatch({ type: 'go', view });
        if (view === 'check' || view === 'review') void refresh();
      },
      openUndo: () => {
        dispatch({ type: 'open', view: 'undo' });
        void refresh();
      },
      openExport: () => dispatch({ type: 'open', view: 'export' }),
      startOver: () => {
        dispatch({ type: 'start-over' });
        void refresh();
      },
    }),
    [state, refresh],
  );
  return <WizardContext.Provider value={value}>{children}</WizardContext.Provider>;
}

export function useWizard(): Wizard {
  const wizard = useContext(WizardContext);
  if (!wizard) throw new Error('useWizard is used outside WizardProvider.');
  return wizard;
}
