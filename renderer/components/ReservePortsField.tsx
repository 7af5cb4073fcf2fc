import { Body1, Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { Diagnosis } from '../../shared/diagnosis';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  atRisk: Diagnosis['ports']['listeningInRange'];
  reserve: readonly number[];
  onChange: (ports: number[]) => void;
}

const WHEN = { now: 'inside the range now', 'with-max-user-port': 'inside the range MaxUserPort 65534 makes' } as const;

/** The listening ports (and MySQL's) a range covers, each offered for a netsh port exclusion. */
export function ReservePortsField({ atRisk, reserve, onChange }: Props) {
  const styles = useStyles();
  const ports = [...new Map(atRisk.map((risk) => [risk.port, risk])).values()];
  const labelId = useId();
  const hintId = useId();
  return (
    <div role="group" aria-labelledby={labelId} aria-describedby={hintId} className={styles.list}>
      <Body1 id={labelId}>Reserve these ports, so no outgoing connection takes one before its server listens:</Body1>
      {ports.map(({ port, process, range }) => (
        <Checkbox
          key={port}
          checked={reserve.includes(port)}
          label={`${port}${process ? ` (${process})` : ''}, ${WHEN[range]}`}
          onChange={(_event, data) => onChange(data.checked === true ? [...reserve, port] : reserve.filter((kept) => kept !== port))}
        />
      ))}
      <Caption1 id={hintId} className={styles.muted}>
        netsh int ipv4|ipv6 add excludedportrange, one port each; at once, no restart. Undo releases only these.
      </Caption1>
    </div>
  );
}
