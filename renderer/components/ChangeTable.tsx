import {
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { EFFECT_TEXT } from '../../shared/families';
import type { ChangeRow } from '../../shared/change-rows';

const useStyles = makeStyles({
  table: { maxWidth: '640px' },
  // Long names and ranges wrap inside their own cell instead of running into the next one.
  cell: {
    overflowWrap: 'anywhere',
    verticalAlign: 'top',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  label: { width: '30%' },
  effect: { display: 'block', color: tokens.colorNeutralForeground2 },
});

interface Props {
  rows: readonly ChangeRow[];
  /** What the two columns hold: "Now" and "After", "Before" and "Read back". */
  headings: readonly [string, string];
  label: string;
}

/**
 * One table of "before" and "after" for every kind of change, the same on every page; a third
 * column "After the restart" appears where a row will read otherwise once Windows restarts.
 */
export function ChangeTable({ rows, headings, label }: Props) {
  const styles = useStyles();
  const restart = rows.some((row) => row.afterRestart !== undefined);
  return (
    <Table size="small" className={styles.table} aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.label}>Setting</TableHeaderCell>
          <TableHeaderCell>{headings[0]}</TableHeaderCell>
          <TableHeaderCell>{headings[1]}</TableHeaderCell>
          {restart ? <TableHeaderCell>After the restart</TableHeaderCell> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key}>
            <TableCell className={styles.cell}>{row.label}</TableCell>
            <TableCell className={styles.cell}>{row.before}</TableCell>
            <TableCell className={styles.cell}>
              {row.after}
              <Caption1 className={styles.effect}>{row.changed ? EFFECT_TEXT[row.effect] : 'unchanged'}</Caption1>
            </TableCell>
            {restart ? (
              <TableCell className={styles.cell}>
                {row.afterRestart ?? row.after}
                {row.afterRestart !== undefined ? (
                  <Caption1 className={styles.effect}>set by MaxUserPort</Caption1>
                ) : null}
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
