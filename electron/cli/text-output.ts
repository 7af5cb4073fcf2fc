import type { ApplyResult, Backup, HistoryEntry, Status, UndoResult } from '../../shared/contract';
import { describeValue, type ValueState } from '../../shared/registry-value';
import { SETTINGS, SETTING_NAMES, type PerSetting } from '../../shared/settings';
import { describeInForce, valueProblem } from '../../shared/in-force';
import { EFFECT_TEXT } from '../../shared/families';
import { needsRestart, rows, type ChangeRow } from '../../shared/change-rows';
import { ALL_BACK, allBack, stillChangedLines, undoRows } from '../../shared/undo-rows';

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
      ? [
          '                  Outgoing ports come from the netsh dynamic port range; MaxUserPort reshapes it at the next restart.',
        ]
      : []),
    `Can change HKLM:  ${status.rightsNotRead ? `not read: ${status.rightsNotRead}` : yesNo(status.canWrite)}`,
    `Backend:          ${status.backend}`,
    `Restart pending:  ${yesNo(status.restartPending)}`,
    `Undo available:   ${yesNo(status.undo !== null)}${lastChange ? ` (last change ${lastChange.at}, ${lastChange.action})` : ''}`,
    `Backups:          ${status.backupDir}`,
    ...unfinishedLines(status.unfinished),
    ...status.warnings.map((warning) => `Warning: ${warning}`),
  ].join('\n');
}

/** A change a crash left half-done: what is left changed, and what settles it (status itself never does). */
function unfinishedLines(unfinished: Status['unfinished']): string[] {
  if (!unfinished) return [];
  return [
    `Unfinished:       the ${unfinished.operation} started at ${unfinished.startedAt} did not finish.`,
    ...unfinished.parts.map((part) => `                  ${part.name}: ${part.prior} before it, ${part.now} now`),
    ...unfinished.notRead.map((kind) => `                  ${kind.kind} not read: ${kind.reason}`),
    ...(unfinished.parts.length === 0 && unfinished.notRead.length === 0
      ? ['                  Every part reads as before it.']
      : []),
    '                  The next apply or undo settles it, or starting the wizard.',
  ];
}

function pair(values: PerSetting<ValueState>): string {
  return SETTING_NAMES.map((name) => `${name} ${describeValue(values[name])}`).join(', ');
}

/** The shared rows as text: one line each, the label and its readings in columns, then when it takes effect. */
function table(changes: readonly ChangeRow[], show: (row: ChangeRow) => string[]): string[] {
  const cells = changes.map((row) => [row.label, ...show(row), EFFECT_TEXT[row.effect]]);
  const widths = cells[0]?.map((_cell, column) => Math.max(...cells.map((line) => line[column].length))) ?? [];
  return cells.map(
    (line) =>
      `  ${line.map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')}`,
  );
}

function restartLine(changes: readonly ChangeRow[]): string {
  return needsRestart(changes)
    ? 'Restart Windows for the registry values to take effect.'
    : 'No restart is needed: every change is in force now.';
}

export function formatBackup(backup: Backup): string {
  return `Backup verified: ${backup.file}\nPrior registry values: ${pair(backup.values)}`;
}

/** What was read back; the range and the reserved ports as the change set them. */
export function formatApply(result: ApplyResult): string {
  const changes = rows(result.backup.values, result.readBack);
  return [
    'Applied and read back:',
    ...table(changes, (row) => [row.after]),
    `Backup: ${result.backup.file}`,
    restartLine(changes),
  ].join('\n');
}

export function formatUndo(result: UndoResult): string {
  if (result.status === 'nothing-to-undo') return 'Nothing to undo: no change made by this tool is in effect.';
  const changes = undoRows(result);
  return [
    allBack(result) ? ALL_BACK : 'Undone, but not all of it is as before the first change:',
    ...stillChangedLines(result).map((line) => `  ${line}`),
    'Before undo → now (read back):',
    ...table(changes, (row) => [row.before, '→', row.changed ? row.after : 'unchanged']),
    `Backup of the registry values before undo: ${result.backupFile}`,
    restartLine(changes),
  ].join('\n');
}

export function formatHistory(history: HistoryEntry[]): string {
  if (history.length === 0) return 'No changes made by this tool.';
  return history
    .flatMap((entry) => {
      const who = entry.user ? `  by ${entry.user} on ${entry.machine}, version ${entry.version}` : '';
      const changed = rows(entry.before, entry.after).filter((row) => row.changed);
      return [
        `${entry.at}  ${entry.action}${entry.note ? `  (${entry.note})` : ''}${who}`,
        ...(changed.length > 0 ? table(changed, (row) => [row.before, '→', row.after]) : ['  nothing changed']),
      ];
    })
    .join('\n');
}
