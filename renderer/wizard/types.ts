/**
 * The wizard's vocabulary: its steps, templates, draft and events. A leaf that imports nothing of
 * the wizard's own, so the reducer, the templates, the draft and the state they make all build on
 * it without importing each other in a circle.
 */
import type { PartialState } from '../../shared/change-rows';
import type { ApplyResult, Backup } from '../../shared/contract';
import type { PortRange } from '../../shared/port-range';
import type { PerSetting, SettingName } from '../../shared/settings';

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

export const TEMPLATES = [
  { id: 'recommended', label: 'Recommended for this Windows' },
  { id: 'mysql', label: "The MySQL manual's fix" },
  { id: 'defaults', label: 'Windows defaults' },
  { id: 'custom', label: 'Custom' },
] as const;
export type TemplateId = (typeof TEMPLATES)[number]['id'];

export interface RangeDraft {
  use: boolean;
  start: string;
  count: string;
}

/** What Apply sends: a value left out is left as it is. */
export type DraftChange = Partial<PerSetting<number>> & {
  dynamicRange?: PortRange;
  reservePorts?: number[];
  acceptUnprotected?: boolean;
};

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
