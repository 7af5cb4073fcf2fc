import {
  Body1,
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
import type { Diagnosis } from '../../shared/diagnosis';
import { EVENTS_EXPLAINED } from '../../shared/tcpip-events';
import type { PoolSample } from '../../shared/pool-sample';
import { countText, endpointText, processText } from '../../shared/port-text';
import { formatDate } from '../wizard/format';
import { notRead } from '../wizard/not-read';
import { Section } from './Section';

const useStyles = makeStyles({
  table: { maxWidth: '560px' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground2 },
});

type Counts = { timeWait: number; established: number; other: number };

function events(diagnosis: Diagnosis): string {
  const found = diagnosis.events;
  if (!found) return `Tcpip events 4227 and 4231: ${notRead(diagnosis.unavailable.events)}.`;
  if (found.count === 0)
    return 'Tcpip events 4227 and 4231 in the last 7 days: 0, so Windows has not run out of ports here lately.';
  return `Tcpip events in the last 7 days: ${found.count} (4227: ${found.byId[4227]}, 4231: ${found.byId[4231]}), the latest ${found.latest ? formatDate(found.latest) : 'at an unknown time'}. ${EVENTS_EXPLAINED}`;
}

function CountsTable<T extends Counts>({
  label,
  first,
  rows,
  name,
}: {
  label: string;
  first: string;
  rows: T[];
  name: (row: T) => string;
}) {
  const styles = useStyles();
  return (
    <Table size="small" className={styles.table} aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{first}</TableHeaderCell>
          <TableHeaderCell>TIME_WAIT</TableHeaderCell>
          <TableHeaderCell>Established</TableHeaderCell>
          <TableHeaderCell>Other</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={name(row)}>
            <TableCell>{name(row)}</TableCell>
            <TableCell className={styles.number}>{countText(row.timeWait)}</TableCell>
            <TableCell className={styles.number}>{countText(row.established)}</TableCell>
            <TableCell className={styles.number}>{countText(row.other)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Who fills the pool, from the latest live sample: the busiest remote endpoints and programs, and Windows' own record of running out. */
export function ConnectionsSection({ diagnosis, sample }: { diagnosis: Diagnosis; sample: PoolSample | undefined }) {
  const styles = useStyles();
  const tcp = sample?.tcp ?? null;
  const unavailable = sample?.unavailable ?? diagnosis.unavailable;
  return (
    <Section title="Who fills it">
      {!sample ? (
        <Body1>Taking the first sample…</Body1>
      ) : !tcp ? (
        <Body1>Connections: {notRead(unavailable.tcp)}.</Body1>
      ) : tcp.remotes.length === 0 ? (
        <Body1>Connections: netstat lists no TCP connection to any remote endpoint right now.</Body1>
      ) : (
        <CountsTable
          label="Connections by remote address and port"
          first="Remote address and port"
          rows={tcp.remotes}
          name={(remote) => endpointText(remote.address, remote.port)}
        />
      )}
      {tcp ? (
        tcp.processes === null ? (
          <Body1>
            Programs by ports held: {notRead(unavailable.processes ?? 'netstat lists no process IDs here')}.
          </Body1>
        ) : tcp.processes.length === 0 ? (
          <Body1>
            Programs by ports held: no program holds an open outgoing connection (TIME_WAIT belongs to no process: PID
            0).
          </Body1>
        ) : (
          <CountsTable
            label="Programs by ports held"
            first="Program"
            rows={tcp.processes}
            name={(owner) => processText(owner.pid, owner.name)}
          />
        )
      ) : null}
      <Body1>{events(diagnosis)}</Body1>
      <Caption1 className={styles.muted}>
        From netstat -ano (live), tasklist and the System event log (wevtutil). TIME_WAIT sockets have no owner (PID 0):
        programs are counted by their open connections.
      </Caption1>
    </Section>
  );
}
