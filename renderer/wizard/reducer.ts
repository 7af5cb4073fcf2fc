import { perSetting } from '../../shared/settings';
import type { WizardEvent, WizardState } from './types';

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
      return {
        ...state,
        view: event.view,
        cameFrom: state.view === 'undo' || state.view === 'export' ? state.cameFrom : state.view,
        navigated: true,
      };
    case 'backed-up':
      return { ...state, backup: event.backup };
    case 'choose':
      return { ...state, template: event.template, ...(event.fill ?? {}) };
    case 'edit':
      return { ...state, draft: { ...state.draft, [event.name]: event.text } };
    case 'edit-range':
      return { ...state, range: { ...state.range, ...event.range } };
    case 'protect':
      return {
        ...state,
        unticked: event.on
          ? state.unticked.filter((port) => port !== event.port)
          : [...new Set([...state.unticked, event.port])],
      };
    case 'own-port':
      return {
        ...state,
        ownPorts: [...new Set([...state.ownPorts, event.port])].sort((a, b) => a - b),
        unticked: state.unticked.filter((port) => port !== event.port),
      };
    case 'accept':
      return { ...state, accepted: event.on };
    case 'applied':
      return { ...state, applied: { result: event.result, before: event.before } };
    case 'start-over':
      return initialWizard(true);
  }
}
