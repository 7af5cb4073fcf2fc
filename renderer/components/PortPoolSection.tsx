import {
  Body1,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { Status } from '../../shared/contract';
import type { Diagnosis } from '../../shared/diagnosis';
import { lastPortOf, type PortRange } from '../../shared/port-range';
import {
  countText,
  exclusionOwner,
  exclusionText,
  ownReservedPorts,
  portsWithProcesses,
  rangeText,
} from '../../shared/port-text';
import { notRead } from '../wizard/not-read';
import { PathText } from './PathText';
import { Section } from './Section';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
});

type Block = { start: number; end: number; administered: boolean };
const overlaps = (block: Block, range: PortRange) => block.start <= lastPortOf(range) && range.start <= block.end;

/** The pool outgoing ports come from, as netsh reports it, whose each exclusion is, and the listening ports it would take. */
export function PortPoolSection({
  diagnosis,
  status,
  held,
}: {
  diagnosis: Diagnosis;
  status: Status;
  held: number | null;
}) {
  const styles = useStyles();
  const { dynamic, excluded, freePorts, listeningInRange } = diagnosis.ports;
  const range = dynamic.ipv4;
  const exclusions = excluded.ipv4;
  const own = ownReservedPorts(status.undo?.values.reservedPorts, 'ipv4');
  const label = (block: Block) => exclusionText(block, exclusionOwner(block, own));
  const inside = exclusions && range ? exclusions.filter((block) => overlaps(block, range)) : exclusions;
  const outside = exclusions && range ? exclusions.filter((block) => !overlaps(block, range)) : [];
  // A port an exclusion already holds cannot be taken by an outgoing connection: no warning for it.
  const open = listeningInRange.filter(
    (risk) => !(exclusions ?? []).some((block) => block.start <= risk.port && risk.port <= block.end),
  );
  const now = open.filter((risk) => risk.range === 'now');
  const later = open.filter((risk) => risk.range === 'with-max-user-port');
  const reason = (part: string) => notRead(diagnosis.unavailable[part]);
  return (
    <Section title="Port pool in force">
      <Body1>Dynamic port range, IPv4: {range ? rangeText(range) : reason('dynamic.ipv4')}.</Body1>
      <Body1>Dynamic port range, IPv6: {dynamic.ipv6 ? rangeText(dynamic.ipv6) : reason('dynamic.ipv6')}.</Body1>
      <Body1>
        Reserved inside it:{' '}
        {inside
          ? inside.length === 0
            ? 'no port of the range is reserved'
            : inside.map(label).join(', ')
          : reason('excluded.ipv4')}
        .{outside.length > 0 ? ` Reserved outside it: ${outside.map(label).join(', ')}.` : ''}
      </Body1>
      {freePorts !== null ? (
        <Body1>
          Pool for outgoing connections: {countText(freePorts)} ports (the range less its exclusions)
          {held === null ? '.' : `; ${countText(held)} held now, ${countText(Math.max(0, freePorts - held))} free.`}
        </Body1>
      ) : null}
      {now.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Listening ports inside the range</MessageBarTitle>
            {portsWithProcesses(now)}: an outgoing connection can take such a port first, and a server that starts later
            cannot listen on it.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {later.length > 0 ? (
        <Body1>
          MaxUserPort 65534 would put {portsWithProcesses(later)} inside the range (1024 to 65534, as seen after a
          restart on real machines).
        </Body1>
      ) : null}
      <Caption1 className={styles.muted}>
        From <PathText>netsh int ipv4 show dynamicport tcp</PathText> and{' '}
        <PathText>show excludedportrange protocol=tcp</PathText>.
        {diagnosis.ports.listening
          ? ''
          : ` Listening ports: ${reason('listening')}; MySQL's 3306 and 33060 are always checked.`}
      </Caption1>
    </Section>
  );
}
