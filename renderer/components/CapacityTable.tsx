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
import { capacity, type Capacity } from '../../shared/capacity';
import type { PerSetting } from '../../shared/settings';
import { formatNumber } from '../model/format';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  table: { maxWidth: '560px' },
  label: { width: '50%' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  numberHeading: { justifyContent: 'flex-end' },
  muted: { color: tokens.colorNeutralForeground2 },
});

const ROWS: { label: string; of: (c: Capacity) => number }[] = [
  { label: 'Ports for outgoing connections', of: (c) => c.ports },
  { label: 'New connections per second, sustained', of: (c) => c.connectionsPerSecond },
];

/** What the pair means in plain numbers, now and with the new values (null while a field is invalid). */
export function CapacityTable({ now, next }: { now: PerSetting<number | undefined>; next: PerSetting<number> | null }) {
  const styles = useStyles();
  const before = capacity(now);
  const after = next ? capacity(next) : null;
  return (
    <div className={styles.wrap}>
      <Table size="small" className={styles.table} aria-label="Capacity now and with the new values">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.label}>To one server</TableHeaderCell>
            <TableHeaderCell button={{ className: styles.numberHeading }}>Now</TableHeaderCell>
            <TableHeaderCell button={{ className: styles.numberHeading }}>New</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {ROWS.map((row) => (
            <TableRow key={row.label}>
              <TableCell>{row.label}</TableCell>
              <TableCell className={styles.number}>{formatNumber(row.of(before))}</TableCell>
              <TableCell className={styles.number}>{after ? formatNumber(row.of(after)) : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Caption1 className={styles.muted}>
        Ports 1025 to MaxUserPort, each held for TcpTimedWaitDelay seconds after its connection closes.
      </Caption1>
    </div>
  );
}
