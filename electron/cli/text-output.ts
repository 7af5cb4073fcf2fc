import type { ApplyResult, Backup, HistoryEntry, Status, UndoResult } from '../../shared/contract';
import { describeValue, type ValueState } from '../../shared/registry-value';
import { SETTINGS, SETTING_NAMES, type PerSetting } from '../../shared/settings';
import { describeInForce, valueProblem } from '../../shared/in-force';
import { describeRange } from '../../shared/port-range';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

function valueLine(name: keyof typeof SETTINGS, state: ValueState, dynamicRange: boolean): string {
  const { min, max } = SETTINGS[name];
  const shown = describeInForce(name, state, dynamicRange);
  const problem = valueProblem(name, state);
  return `${name.padEnd(18)} ${shown}${problem ? `  ! ${problem}` : ''}   [valid ${min}-${max}]`;
}

export function formatStatus(status: Status): string {
  const { windows } = status;
  const lastChange = status.history.at(-1);
  return [
    status.key,
    ...SETTING_NAMES.map((name) => `  ${valueLine(name, status.values[name], windows.usesDynamicPortRange)}`),
    '',
    `Windows:          ${windows.name} (NT ${windows.version}${windows.host === 'wine' ? ', Wine' : ''})`,
    ...(windows.usesDynamicPortRange
      ? ['                  Outgoing ports come from the netsh dynamic port range; MaxUserPort reshapes it at the next restart.']
      : []),
    `Can change HKLM:  ${yesNo(status.canWrite)}`,
    `Backend:          ${status.backend}`,
    `Restart pending:  ${yesNo(status.restartPending)}`,
    `Undo available:   ${yesNo(status.undo !== null)}${lastChange ? ` (last change ${lastChange.at}, ${lastChange.action})` : ''}`,
    `Backups:          ${status.backupDir}`,
  ].join('\n');
}

function pair(values: PerSetting<ValueState>): string {
  return SETTING_NAMES.map((name) => `${name} ${describeValue(values[name])}`).join(', ');
}

/** The values, then the range and the reserved ports where a change set them. */
function states(report: HistoryEntry['after']): string {
  const range = report.dynamicRange ? `, dynamic range ${describeRange(report.dynamicRange.ipv4)}` : '';
  const reserved = Object.entries(report.reservedPorts ?? {}).filter(([, holds]) => holds.ipv4 === 'reserved' || holds.ipv6 === 'reserved');
  const ports = report.reservedPorts ? `, reserved ports ${reserved.map(([port]) => port).join(', ') || 'none'}` : '';
  return `${pair(report)}${range}${ports}`;
}

export function formatBackup(backup: Backup): string {
  return `Backup verified: ${backup.file}\nPrior values: ${pair(backup.values)}`;
}

export function formatApply(result: ApplyResult): string {
  return `Applied and read back: ${states(result.readBack)}\nBackup: ${result.backup.file}\nRestart Windows for the change to take effect.`;
}

export function formatUndo(result: UndoResult): string {
  if (result.status === 'nothing-to-undo') return 'Nothing to undo: this tool has not changed this machine.';
  return `Restored: ${states(result.restored)}\nBackup of the values before undo: ${result.backupFile}\nRestart Windows for the change to take effect.`;
}

export function formatHistory(history: HistoryEntry[]): string {
  if (history.length === 0) return 'No changes made by this tool.';
  return history
    .map((entry) => {
      const who = entry.user ? `  by ${entry.user} on ${entry.machine}, version ${entry.version}` : '';
      return `${entry.at}  ${entry.action.padEnd(9)} ${states(entry.after)}${entry.note ? `  (${entry.note})` : ''}${who}`;
    })
    .join('\n');
}
