import type { PartialState } from '../../shared/change-rows';
import type { ApplyResult, Backup } from '../../shared/contract';
import { perSetting, type PerSetting, type SettingName } from '../../shared/settings';
import type { TemplateId } from '../model/templates';

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
  /** The whole-change template chosen; only Custom keeps what is typed below. */
  template: TemplateId;
  /** Custom's fields; null leaves that value as it is. */
  draft: PerSetting<string | null>;
  /** Custom's dynamic port range, changed only when `use` is ticked. */
  range: RangeDraft;
  /** Ports the change would put inside the range that the DBA unticked: every other one is reserved. */
  unticked: number[];
  /** Ports the DBA added to reserve (Custom's field), on top of those the change puts inside the range. */
  ownPorts: number[];
  /** The DBA ticked "I accept that ... are unprotected" for a MaxUserPort change that leaves MySQL's ports open. */
  accepted: boolean;
  /** What Apply read back, with the state it started from, for the table of both. */
  applied: { result: ApplyResult; before: PartialState } | null;
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
  | { type: 'choose'; template: TemplateId; fill?: { draft: PerSetting<string | null>; range: RangeDraft } }
  | { type: 'edit'; name: SettingName; text: string | null }
  | { type: 'edit-range'; range: Partial<RangeDraft> }
  | { type: 'protect'; port: number; on: boolean }
  | { type: 'own-port'; port: number }
  | { type: 'accept'; on: boolean }
  | { type: 'applied'; result: ApplyResult; before: PartialState }
  | { type: 'start-over' };

/** The wizard offers the change recommended for this Windows: that is what the DBA came for. */
export function initialWizard(navigated = false): WizardState {
  return {
    view: 'check',
    cameFrom: 'check',
    backup: null,
    template: 'recommended',
    draft: perSetting((_name, setting) => String(setting.recommended)),
    range: { use: false, start: '', count: '' },
    unticked: [],
    ownPorts: [],
    accepted: false,
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
    case 'choose':
      return { ...state, template: event.template, ...(event.fill ?? {}) };
    case 'edit':
      return { ...state, draft: { ...state.draft, [event.name]: event.text } };
    case 'edit-range':
      return { ...state, range: { ...state.range, ...event.range } };
    case 'protect':
      return { ...state, unticked: event.on ? state.unticked.filter((port) => port !== event.port) : [...new Set([...state.unticked, event.port])] };
    case 'own-port':
      return { ...state, ownPorts: [...new Set([...state.ownPorts, event.port])].sort((a, b) => a - b), unticked: state.unticked.filter((port) => port !== event.port) };
    case 'accept':
      return { ...state, accepted: event.on };
    case 'applied':
      return { ...state, applied: { result: event.result, before: event.before } };
    case 'start-over':
      return initialWizard(true);
  }
}
