import {
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { HistoryEntry } from '../../shared/contract';
import { describeValue, sameState } from '../../shared/registry-value';
import { SETTING_NAMES, type SettingName } from '../../shared/settings';
import { formatDate } from '../model/format';

const ACTIONS: Record<HistoryEntry['action'], string> = {
  apply: 'Applied',
  undo: 'Undone',
  rollback: 'Failed, put back',
  recovered: 'Settled after an interruption',
};

/** The newest few are what a DBA checks; the journal keeps them all. */
const SHOWN = 5;

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  when: { width: '26%' },
  what: { width: '22%' },
});

function change(entry: HistoryEntry, name: SettingName): string {
  const before = describeValue(entry.before[name]);
  return sameState(entry.before[name], entry.after[name]) ? `${before}, unchanged` : `${before} → ${describeValue(entry.after[name])}`;
}

export function HistoryTable({ history }: { history: readonly HistoryEntry[] }) {
  const styles = useStyles();
  const newest = history.slice(-SHOWN).reverse();
  return (
    <>
      <Table size="small" aria-label="Changes made by this tool, newest first">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.when}>When</TableHeaderCell>
            <TableHeaderCell className={styles.what}>What</TableHeaderCell>
            {SETTING_NAMES.map((name) => (
              <TableHeaderCell key={name}>{name}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {newest.map((entry) => (
            <TableRow key={`${entry.at}-${entry.action}`}>
              <TableCell>{formatDate(entry.at)}</TableCell>
              <TableCell>
                <TableCellLayout description={[entry.note, entry.user && `by ${entry.user} on ${entry.machine}`].filter(Boolean).join(' · ') || undefined}>
                  {ACTIONS[entry.action]}
                </TableCellLayout>
              </TableCell>
              {SETTING_NAMES.map((name) => (
                <TableCell key={name}>{change(entry, name)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {history.length > SHOWN ? (
        <Caption1 className={styles.muted}>
          {history.length - SHOWN} earlier {history.length - SHOWN === 1 ? 'change is' : 'changes are'} in the journal.
        </Caption1>
      ) : null}
    </>
  );
}
