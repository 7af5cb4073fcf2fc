import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { FAMILIES, FAMILY_LABEL } from '../../shared/families';
import type { PoolSample } from '../../shared/pool-sample';
import { durationText, figuresOf, rateText, shareText } from '../../shared/pool-trend';
import { countText } from '../../shared/port-text';
import { notRead } from '../wizard/not-read';

const useStyles = makeStyles({
  table: { maxWidth: '720px' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

/** Held against the pool in force, per address family: the figures the verdict rests on. */
export function PoolFigures({ samples }: { samples: PoolSample[] }) {
  const styles = useStyles();
  const latest = samples.at(-1);
  if (!latest) return null;
  return (
    <Table size="small" className={styles.table} aria-label="Ports held against the pool">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Family</TableHeaderCell>
          <TableHeaderCell>Held (TIME_WAIT)</TableHeaderCell>
          <TableHeaderCell>Pool</TableHeaderCell>
          <TableHeaderCell>Share</TableHeaderCell>
          <TableHeaderCell>Fill rate</TableHeaderCell>
          <TableHeaderCell>Full in</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {FAMILIES.map((family) => {
          const found = figuresOf(samples, family);
          const held = latest.tcp?.held[family];
          const poolReason = latest.unavailable[`dynamic.${family}`] ?? latest.unavailable[`excluded.${family}`];
          return (
            <TableRow key={family}>
              <TableCell>{FAMILY_LABEL[family]}</TableCell>
              <TableCell className={styles.number}>
                {found && held
                  ? `${countText(found.held)} (${countText(held.timeWait)})`
                  : notRead(latest.unavailable.tcp)}
              </TableCell>
              <TableCell className={styles.number}>
                {found?.pool != null ? countText(found.pool) : notRead(poolReason)}
              </TableCell>
              <TableCell className={styles.number}>
                {found?.share != null ? shareText(found.share) : 'unknown'}
              </TableCell>
              <TableCell className={styles.number}>{found ? rateText(found.rate) : 'unknown'}</TableCell>
              <TableCell className={styles.number}>
                {found?.secondsToFull != null ? durationText(found.secondsToFull) : 'not at this rate'}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
