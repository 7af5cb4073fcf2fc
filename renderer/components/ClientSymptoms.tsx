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
import type { PoolSample } from '../../shared/pool-sample';
import { countText, processText } from '../../shared/port-text';
import { notRead } from '../wizard/not-read';
import { Section } from './Section';

const useStyles = makeStyles({
  table: { maxWidth: '760px' },
  code: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The client's own error says which lever to pull; only two of them are this host's ports. */
const SYMPTOMS = [
  {
    code: '10048',
    name: 'WSAEADDRINUSE',
    means: 'A local port was reused too soon: it was still in TIME_WAIT.',
    lever: 'Shorter TIME_WAIT (TcpTimedWaitDelay) and a wider dynamic range, here on the client host.',
  },
  {
    code: '10055',
    name: 'WSAENOBUFS',
    means: 'The pool is exhausted: no outgoing port was free.',
    lever: 'Fewer new connections (pooling), a wider dynamic range, shorter TIME_WAIT.',
  },
  {
    code: '10061',
    name: 'WSAECONNREFUSED',
    means: 'Connection refused: the server is not listening, or its queue of new connections (back_log) was full.',
    lever: "The server: is mysqld running and listening on that port; raise back_log. Not this host's ports.",
  },
  {
    code: '2003',
    name: "Can't connect to MySQL server",
    means:
      'MySQL\'s own wrapper: the code in brackets after it, "(10048)", "(10055)" or "(10061)", says which of the above.',
    lever: 'Read the code in brackets, then the row for it.',
  },
  {
    code: '1040',
    name: 'Too many connections',
    means: 'The server reached max_connections.',
    lever:
      'max_connections on the server, or pooling in the clients. No port problem at all: changing ports here will not help.',
  },
] as const;

/** Maps what clients report to the lever, and names the program that holds the most ports with its first remedy. */
export function ClientSymptoms({ sample }: { sample: PoolSample | undefined }) {
  const styles = useStyles();
  const top = sample?.tcp?.processes?.[0];
  const processes = sample?.tcp ? sample.tcp.processes : undefined;
  return (
    <Section title="What do your clients see?">
      <Table size="small" className={styles.table} aria-label="Client errors and their levers">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Error</TableHeaderCell>
            <TableHeaderCell>What it means</TableHeaderCell>
            <TableHeaderCell>The lever</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {SYMPTOMS.map((symptom) => (
            <TableRow key={symptom.code}>
              <TableCell>
                <span className={styles.code}>{symptom.code}</span> {symptom.name}
              </TableCell>
              <TableCell>{symptom.means}</TableCell>
              <TableCell>{symptom.lever}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Body1>
        {top
          ? `${processText(top.pid, top.name)} holds the most ports: ${countText(top.timeWait + top.established + top.other)} open outgoing connections. First remedy: connection pooling or persistent connections in that client, so it stops opening a new connection for each query.`
          : processes === null
            ? `The program holding the most ports: ${notRead(sample?.unavailable.processes ?? 'netstat lists no process IDs here')}. First remedy, in whichever client opens the connections: connection pooling or persistent connections.`
            : 'No program holds an open outgoing connection right now. First remedy when one does: connection pooling or persistent connections in that client.'}
      </Body1>
      <Caption1 className={styles.muted}>
        From the MySQL manual's “Connection to MySQL Server Failing on Windows”, whose user comments add: an ODBC DSN
        without <span className={styles.code}>DATABASE=</span> (“ODBC;DSN=foo”) opened a new connection per linked
        table, while “ODBC;DSN=foo;DATABASE=bar” used one or two ports for everything. Name the database in the
        connection string.
      </Caption1>
    </Section>
  );
}
