import { Body1, Caption1, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import type { Diagnosis } from '../../shared/diagnosis';
import { formatDate, formatNumber } from '../model/format';
import { Section } from './Section';

const useStyles = makeStyles({
  table: { maxWidth: '560px' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The busiest remote endpoints are what a DBA recognises: the MySQL servers this host talks to. */
const SHOWN = 5;

function side(tcp: NonNullable<Diagnosis['tcp']>): string {
  if (tcp.timeWait.outgoing > 0) return `${formatNumber(tcp.timeWait.outgoing)} TIME_WAIT sockets hold this host's own outgoing ports: this host is the one running out, and the change belongs here.`;
  if (tcp.timeWait.onListeningPorts > 0) return "TIME_WAIT here is only on this host's listening ports, which uses no outgoing port. Clients that close first hold theirs on their own hosts: tune those.";
  return 'No TIME_WAIT sockets right now.';
}

function events(diagnosis: Diagnosis): string {
  const found = diagnosis.events;
  if (!found) return `Tcpip events 4227 and 4231: not read (${diagnosis.unavailable.events ?? 'unknown reason'}).`;
  if (found.count === 0) return 'Tcpip events 4227 and 4231 in the last 7 days: none.';
  return `Tcpip events in the last 7 days: ${found.count} (4227: ${found.byId[4227]}, 4231: ${found.byId[4231]}), the latest ${found.latest ? formatDate(found.latest) : 'at an unknown time'}. Windows ran out of outgoing ports then.`;
}

/** Live connections by remote endpoint, whose TIME_WAIT it is, and Windows' own record of running out. */
export function ConnectionsSection({ diagnosis }: { diagnosis: Diagnosis }) {
  const styles = useStyles();
  const tcp = diagnosis.tcp;
  return (
    <Section title="What is happening">
      {tcp ? (
        <>
          <Table size="small" className={styles.table} aria-label="Connections by remote address and port">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Remote address and port</TableHeaderCell>
                <TableHeaderCell>TIME_WAIT</TableHeaderCell>
                <TableHeaderCell>Established</TableHeaderCell>
                <TableHeaderCell>Other</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tcp.remotes.slice(0, SHOWN).map((remote) => (
                <TableRow key={`${remote.address} ${remote.port}`}>
                  <TableCell>{`${remote.address}:${remote.port}`}</TableCell>
                  <TableCell className={styles.number}>{formatNumber(remote.timeWait)}</TableCell>
                  <TableCell className={styles.number}>{formatNumber(remote.established)}</TableCell>
                  <TableCell className={styles.number}>{formatNumber(remote.other)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Body1>{side(tcp)}</Body1>
        </>
      ) : (
        <Body1>Connections: not read ({diagnosis.unavailable.tcp ?? 'unknown reason'}).</Body1>
      )}
      <Body1>{events(diagnosis)}</Body1>
      <Caption1 className={styles.muted}>From netstat -ano and the System event log (wevtutil).</Caption1>
    </Section>
  );
}
