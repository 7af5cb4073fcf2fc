import type { ApplyResult, Backup } from '../../shared/contract';
import { perSetting, type PerSetting, type SettingName } from '../../shared/settings';

export const STEPS = [
  { view: 'check', label: 'Check' },
  { view: 'backup', label: 'Back up' },
  { view: 'configure', label: 'Configure' },
  { view: 'review', label: 'Review & apply' },
  { view: 'restart', label: 'Restart' },
] as const;

export type StepView = (typeof STEPS)[number]['view'];
/** Pages outside the walk: undo, and the export for other servers. */
export type View = StepView | 'undo' | 'export';

export interface WizardState {
  view: View;
  /** Where Back on a page outside the walk returns to. */
  cameFrom: StepView;
  /** A verified backup in the folder now in use: the wizard goes on only with one. */
  backup: Backup | null;
  draft: PerSetting<string>;
  /** The dynamic port range, changed only when `use` is ticked. */
  range: RangeDraft;
  /** Ports ticked to reserve, so no outgoing connection takes them; none by default. */
  reserve: number[];
  applied: ApplyResult | null;
  /** Whether the user has moved between pages: from then on each page's heading takes focus. */
  navigated: boolean;
}

export interface RangeDraft {
  use: boolean;
  start: string;
  count: string;
}

export type WizardEvent =
  | { type: 'go'; view: StepView }
  | { type: 'open'; view: 'undo' | 'export' }
  | { type: 'backed-up'; backup: Backup | null }
  | { type: 'edit'; name: SettingName; text: string }
  | { type: 'edit-range'; range: Partial<RangeDraft> }
  | { type: 'reserve'; ports: number[] }
  | { type: 'applied'; result: ApplyResult }
  | { type: 'start-over' };

/** The wizard offers the recommended values: that is what the DBA came for. */
export function initialWizard(navigated = false): WizardState {
  return {
    view: 'check',
    cameFrom: 'check',
    backup: null,
    draft: perSetting((_name, setting) => String(setting.recommended)),
    range: { use: false, start: '', count: '' },
    reserve: [],
    applied: null,
    navigated,
  };
}

export function wizardReducer(state: WizardState, event: WizardEvent): WizardState {
  switch (event.type) {
    case 'go':
      return { ...state, view: event.view, navigated: true };
    case 'open':
      return { ...state, view: event.view, cameFrom: state.view === 'undo' || state.view === 'export' ? state.cameFrom : state.view, navigated: true };
    case 'backed-up':
      return { ...state, backup: event.backup };
    case 'edit':
      return { ...state, draft: { ...state.draft, [event.name]: event.text } };
    case 'edit-range':
      return { ...state, range: { ...state.range, ...event.range } };
    case 'reserve':
      return { ...state, reserve: [...new Set(event.ports)].sort((a, b) => a - b) };
    case 'applied':
      return { ...state, applied: event.result };
    case 'start-over':
      return initialWizard(true);
  }
}
