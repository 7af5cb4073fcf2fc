import {
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { capacityStages, type Capacity } from '../../shared/capacity';
import type { Diagnosis } from '../../shared/diagnosis';
import { rangeWithMaxUserPort } from '../../shared/port-pool';
import { DEFAULT_DYNAMIC_RANGE, type PortRange } from '../../shared/port-range';
import { rangeText } from '../../shared/port-text';
import { SETTING_NAMES, type PerSetting } from '../../shared/settings';
import type { DraftChange } from '../wizard/types';
import { formatNumber } from '../wizard/format';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  table: { maxWidth: '560px' },
  label: { width: '40%' },
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
  diagnosis: Diagnosis | null;
}

/** The range each column counts, in words: which of the netsh range and MaxUserPort wins. */
function source(values: PerSetting<number | undefined>, range: PortRange | undefined, setByNetsh: boolean): string {
  if (values.MaxUserPort !== undefined)
    return `${rangeText(rangeWithMaxUserPort(values.MaxUserPort))}: with MaxUserPort set, Windows was seen to make this range at the next restart, whatever netsh set${setByNetsh ? ' (the netsh range holds until then)' : ''}`;
  if (!range) return `${rangeText(DEFAULT_DYNAMIC_RANGE)}, Windows' default (the range was not read)`;
  return `${rangeText(range)}${setByNetsh ? ', set with netsh at once' : ', in force'}`;
}

/** What the change means in plain numbers, now and with the new values, and which range each counts. */
export function CapacityTable({ now, next, dynamicRange, diagnosis }: Props) {
  const styles = useStyles();
  const rangeNow = diagnosis?.ports.dynamic.ipv4 ?? undefined;
  const exclusions = diagnosis?.ports.excluded.ipv4 ?? [];
  const values = next
    ? {
        ...now,
        ...Object.fromEntries(SETTING_NAMES.flatMap((name) => (next[name] === undefined ? [] : [[name, next[name]]]))),
      }
    : null;
  // The ports the change reserves are exclusions too, once it is made.
  const reserved = (next?.reservePorts ?? []).map((port) => ({ start: port, end: port }));
  const stages = capacityStages(now, values ?? now, {
    dynamicRange,
    range: rangeNow,
    exclusions,
    rangeAfter: next?.dynamicRange,
    reserved,
  });
  const before = stages.now;
  const after = values ? stages.afterRestart : null;
  const columns: [string, Capacity | null][] = [
    ['Now', before],
    ['After Apply', values ? stages.afterApply : null],
    ['New, after the restart', after],
  ];
  return (
    <div className={styles.wrap}>
      <Table size="small" className={styles.table} aria-label="Capacity now and with the new settings">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.label}>To one server</TableHeaderCell>
            {columns.map(([heading]) => (
              <TableHeaderCell key={heading} button={{ className: styles.numberHeading }}>
                {heading}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {ROWS.map((row) => (
            <TableRow key={row.label}>
              <TableCell>{row.label}</TableCell>
              {columns.map(([heading, stage]) => (
                <TableCell key={heading} className={styles.number}>
                  {stage ? formatNumber(row.of(stage)) : '—'}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {after && after.connectionsPerSecond < before.connectionsPerSecond ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            This lowers capacity: {formatNumber(before.connectionsPerSecond)} →{' '}
            {formatNumber(after.connectionsPerSecond)} new connections per second.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Caption1 className={styles.muted}>
        {dynamicRange ? (
          <>
            Ports: the dynamic port range less its exclusions ({formatNumber(exclusions.length)} read). Now:{' '}
            {source(now, rangeNow, false)}.
            {values ? ` New: ${source(values, next?.dynamicRange ?? rangeNow, Boolean(next?.dynamicRange))}.` : ''}{' '}
            After Apply, the new range and reservations count at once but Windows keeps the registry values it started
            with until the restart. MaxUserPort's range is not documented by Microsoft. Each port is held for
            TcpTimedWaitDelay seconds after its connection closes; per remote server and port, and only on the side that
            closes first.
          </>
        ) : (
          'Ports 1025 to MaxUserPort, each held for TcpTimedWaitDelay seconds after its connection closes.'
        )}
      </Caption1>
    </div>
  );
}
