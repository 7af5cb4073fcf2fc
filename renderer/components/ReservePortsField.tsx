import { Body1, Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { PortRange } from '../../shared/port-range';
import { portWithProcess, rangeText } from '../../shared/port-text';
import { portList, RESERVE_LIMITS } from '../../shared/reserved-ports';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  /** The ports the change would put inside `range`, as checkDraft found them. */
  ports: readonly number[];
  range: PortRange;
  because: string;
  /** Who listens on each port, where netstat names it. */
  owners: ReadonlyMap<number, string | null>;
  unticked: readonly number[];
  /** The ports the DBA added, wherever they are. */
  own: readonly number[];
  onToggle: (port: number, on: boolean) => void;
}

/** The listening ports (and MySQL's) the change would put inside the range: each reserved unless unticked. */
export function ReservePortsField({ ports, range, because, owners, unticked, own, onToggle }: Props) {
  const styles = useStyles();
  const labelId = useId();
  const hintId = useId();
  // An untick is kept across templates: said here, so a switch never hides it.
  const kept = ports.filter((port) => unticked.includes(port));
  return (
    <div role="group" aria-labelledby={labelId} aria-describedby={hintId} className={styles.list}>
      <Body1 id={labelId}>
        Reserved, so no outgoing connection takes one before its server listens. They are inside {because},{' '}
        {rangeText(range)}:
      </Body1>
      {ports.map((port, index) => (
        <Checkbox
          key={port}
          checked={!unticked.includes(port)}
          disabled={index >= RESERVE_LIMITS.most}
          label={`${portWithProcess(port, owners.get(port))}${own.includes(port) ? ' (added by you)' : ''}`}
          onChange={(_event, data) => onToggle(port, data.checked === true)}
        />
      ))}
      {kept.length > 0 ? (
        <Body1>
          {portList(kept)} {kept.length === 1 ? 'is' : 'are'} unticked, as you left {kept.length === 1 ? 'it' : 'them'},
          in every template: not reserved until ticked again.
        </Body1>
      ) : null}
      <Caption1 id={hintId} className={styles.muted}>
        netsh int ipv4|ipv6 add excludedportrange, one port each; at once, no restart; at most {RESERVE_LIMITS.most}.
        Undo releases only these.
      </Caption1>
    </div>
  );
}
