import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { rows } from '../../shared/change-rows';
import type { HistoryEntry } from '../../shared/contract';
import { formatDate } from '../wizard/format';
import { ChangeTable } from './ChangeTable';

const ACTIONS: Record<HistoryEntry['action'], string> = {
  apply: 'Applied',
  undo: 'Undone',
  rollback: 'Failed, put back',
  recovered: 'Settled after an interruption',
};

/** The newest few are what a DBA checks; the journal keeps them all. */
const SHOWN = 5;

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  entry: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Each change this tool made, newest first: when, what and who, then what it changed, from what to what. */
export function HistoryTable({ history }: { history: readonly HistoryEntry[] }) {
  const styles = useStyles();
  const newest = history.slice(-SHOWN).reverse();
  return (
    <div role="region" aria-label="Changes made by this tool, newest first" className={styles.list}>
      {newest.map((entry) => {
        const title = `${ACTIONS[entry.action]}, ${formatDate(entry.at)}`;
        const changed = rows(entry.before, entry.after).filter((row) => row.changed);
        const who = [entry.note, entry.user && `by ${entry.user} on ${entry.machine}`].filter(Boolean).join(' · ');
        return (
          <div key={`${entry.at}-${entry.action}`} className={styles.entry}>
            <Body1>
              <strong>{title}</strong>
            </Body1>
            {who ? <Caption1 className={styles.muted}>{who}</Caption1> : null}
            {changed.length > 0 ? (
              <ChangeTable rows={changed} headings={['Before', 'After']} label={title} />
            ) : (
              <Caption1>Nothing changed.</Caption1>
            )}
          </div>
        );
      })}
      {history.length > SHOWN ? (
        <Caption1 className={styles.muted}>
          {history.length - SHOWN} earlier {history.length - SHOWN === 1 ? 'change is' : 'changes are'} in the journal.
        </Caption1>
      ) : null}
    </div>
  );
}
