import type { ApplyResult, Backup } from '../../shared/contract';
import { SETTINGS, type PerSetting, type SettingName } from '../../shared/settings';

export const STEPS = [
  { view: 'check', label: 'Check' },
  { view: 'backup', label: 'Back up' },
  { view: 'configure', label: 'Configure' },
  { view: 'review', label: 'Review & apply' },
  { view: 'restart', label: 'Restart' },
] as const;

export type StepView = (typeof STEPS)[number]['view'];
export type View = StepView | 'undo';

export interface WizardState {
  view: View;
  /** Where "Cancel" on the undo page returns to. */
  cameFrom: StepView;
  /** The folder the main side writes backups to, once the user has chosen one; null means its default. */
  backupFolder: string | null;
  /** A verified backup in the folder now in use: the wizard goes on only with one. */
  backup: Backup | null;
  draft: PerSetting<string>;
  applied: ApplyResult | null;
  /** Whether the user has moved between pages: from then on each page's heading takes focus. */
  navigated: boolean;
}

export type WizardEvent =
  | { type: 'go'; view: StepView }
  | { type: 'open-undo' }
  | { type: 'folder-chosen'; folder: string }
  | { type: 'backed-up'; backup: Backup | null }
  | { type: 'edit'; name: SettingName; text: string }
  | { type: 'applied'; result: ApplyResult }
  | { type: 'start-over' };

/** The wizard offers the recommended pair: that is what the DBA came for. */
export function initialWizard(backupFolder: string | null = null, navigated = false): WizardState {
  return {
    view: 'check',
    cameFrom: 'check',
    backupFolder,
    backup: null,
    draft: { MaxUserPort: String(SETTINGS.MaxUserPort.recommended), TcpTimedWaitDelay: String(SETTINGS.TcpTimedWaitDelay.recommended) },
    applied: null,
    navigated,
  };
}

export function wizardReducer(state: WizardState, event: WizardEvent): WizardState {
  switch (event.type) {
    case 'go':
      return { ...state, view: event.view, navigated: true };
    case 'open-undo':
      return { ...state, view: 'undo', cameFrom: state.view === 'undo' ? state.cameFrom : state.view, navigated: true };
    case 'folder-chosen':
      return event.folder === state.backupFolder ? state : { ...state, backupFolder: event.folder, backup: null };
    case 'backed-up':
      return { ...state, backup: event.backup };
    case 'edit':
      return { ...state, draft: { ...state.draft, [event.name]: event.text } };
    case 'applied':
      return { ...state, applied: event.result };
    case 'start-over':
      // The main side keeps the chosen folder for the life of the app, so the wizard does too.
      return initialWizard(state.backupFolder, true);
  }
}
