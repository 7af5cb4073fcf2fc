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
import { capacity, OBSERVED_FIRST_PORT, type Capacity } from '../../shared/capacity';
import { DEFAULT_DYNAMIC_RANGE } from '../../shared/port-range';
import type { PortRange } from '../../shared/port-range';
import type { PerSetting } from '../../shared/settings';
import type { DraftChange } from '../state/draft';
import { formatNumber } from '../model/format';
import { PathText } from './PathText';

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

interface Props {
  now: PerSetting<number | undefined>;
  /** Null while a field is invalid. */
  next: DraftChange | null;
  /** Whether this Windows takes outgoing ports from the dynamic port range (Vista / Server 2008 and later). */
  dynamicRange: boolean;
  /** The range in force, where the diagnosis read it. */
  range?: PortRange;
}

/** What the change means in plain numbers, now and with the new values. */
export function CapacityTable({ now, next, dynamicRange, range }: Props) {
  const styles = useStyles();
  const before = capacity(now, { dynamicRange, range });
  // A range set with netsh is the pool at once; without one, MaxUserPort's reshaping is what counts.
  const after = next ? capacity(next.dynamicRange ? { ...next, MaxUserPort: undefined } : next, { dynamicRange, range: next.dynamicRange ?? range }) : null;
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
        {dynamicRange ? (
          <>
            Ports: the dynamic port range, {DEFAULT_DYNAMIC_RANGE.start} to 65535 by default (
            <PathText>netsh int ipv4 show dynamicport tcp</PathText>). With MaxUserPort set, this counts the range seen on
            real machines after a restart, {OBSERVED_FIRST_PORT} to MaxUserPort; Microsoft does not document it. Each port is
            held for TcpTimedWaitDelay seconds after its connection closes. Per remote server and port; only the side that
            closes first holds TIME_WAIT.
          </>
        ) : (
          'Ports 1025 to MaxUserPort, each held for TcpTimedWaitDelay seconds after its connection closes.'
        )}
      </Caption1>
    </div>
  );
}
