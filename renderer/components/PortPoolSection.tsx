import { Body1, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { Diagnosis } from '../../shared/diagnosis';
import { describeRange, type PortRange } from '../../shared/port-range';
import { formatNumber } from '../model/format';
import { PathText } from './PathText';
import { Section } from './Section';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
});

function said(diagnosis: Diagnosis, part: string, range: PortRange | null): string {
  return range ? describeRange(range) : `not read (${diagnosis.unavailable[part] ?? 'unknown reason'})`;
}

/** The pool outgoing ports come from, as netsh reports it, and the listening ports it would take. */
export function PortPoolSection({ diagnosis }: { diagnosis: Diagnosis }) {
  const styles = useStyles();
  const { dynamic, excluded, freePorts, listeningInRange } = diagnosis.ports;
  const exclusions = excluded.ipv4;
  const now = listeningInRange.filter((risk) => risk.range === 'now');
  const later = listeningInRange.filter((risk) => risk.range === 'with-max-user-port');
  const name = (risk: (typeof listeningInRange)[number]) => `${risk.port}${risk.process ? ` (${risk.process})` : ''}`;
  return (
    <Section title="Port pool in force">
      <Body1>Dynamic port range, IPv4: {said(diagnosis, 'dynamic.ipv4', dynamic.ipv4)}.</Body1>
      <Body1>Dynamic port range, IPv6: {said(diagnosis, 'dynamic.ipv6', dynamic.ipv6)}.</Body1>
      <Body1>
        Reserved inside it:{' '}
        {exclusions
          ? exclusions.length === 0
            ? 'nothing'
            : exclusions.map((block) => `${block.start}-${block.end}${block.administered ? ' (added by an administrator)' : ''}`).join(', ')
          : `not read (${diagnosis.unavailable['excluded.ipv4'] ?? 'unknown reason'})`}
        .{freePorts !== null ? ` Free for outgoing connections: ${formatNumber(freePorts)} ports.` : ''}
      </Body1>
      {now.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Listening ports inside the range</MessageBarTitle>
            {now.map(name).join(', ')}: an outgoing connection can take such a port first, and a server that starts later
            cannot listen on it.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {later.length > 0 ? (
        <Body1>
          MaxUserPort 65534 would put {later.map(name).join(', ')} inside the range (1024 to 65534, as seen after a restart on
          real machines).
        </Body1>
      ) : null}
      <Caption1 className={styles.muted}>
        From <PathText>netsh int ipv4 show dynamicport tcp</PathText> and <PathText>show excludedportrange protocol=tcp</PathText>.
        {diagnosis.ports.listening ? '' : ` Listening ports: not read (${diagnosis.unavailable.listening ?? 'unknown reason'}); MySQL's 3306 and 33060 are always checked.`}
      </Caption1>
    </Section>
  );
}
