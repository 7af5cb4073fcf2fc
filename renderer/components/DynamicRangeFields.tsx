import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Diagnosis } from '../../shared/diagnosis';
import { inRange, MYSQL_PORTS } from '../../shared/port-pool';
import type { RangeValidation } from '../../shared/port-range';
import type { RangeDraft } from '../wizard/types';
import { rangeText } from '../../shared/port-text';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-start' },
  input: { width: '140px' },
});

interface Props {
  range: RangeDraft;
  check: RangeValidation | null;
  diagnosis: Diagnosis | null;
  onChange: (range: Partial<RangeDraft>) => void;
}

/** Listening ports (and MySQL's four, always) that a proposed range would cover, by name. */
function covered(diagnosis: Diagnosis | null, check: RangeValidation | null): string[] {
  if (!check?.ok) return [];
  const listening = diagnosis?.ports.listening ?? [];
  const ports = new Map<number, string | null>(listening.map(({ port, process }) => [port, process]));
  for (const port of MYSQL_PORTS) if (!ports.has(port)) ports.set(port, null);
  return [...ports]
    .filter(([port]) => inRange(port, check.value))
    .map(([port, process]) => `${port}${process ? ` (${process})` : ''}`);
}

/** The netsh dynamic port range, for IPv4 and IPv6: set at once, no restart, undone like the rest. */
export function DynamicRangeFields({ range, check, diagnosis, onChange }: Props) {
  const styles = useStyles();
  const [left, setLeft] = useState(false);
  const recommended = diagnosis?.recommendedRange ?? null;
  const now = diagnosis?.ports.dynamic.ipv4 ?? null;
  const risks = covered(diagnosis, check);
  const message = left && check && !check.ok ? check.messages.join(' ') : undefined;
  return (
    <div className={styles.wrap}>
      <Checkbox
        checked={range.use}
        label="Also set the dynamic port range (IPv4 and IPv6; takes effect at once, no restart)"
        onChange={(_event, data) => {
          const use = data.checked === true;
          const start = range.start || String(recommended?.start ?? now?.start ?? '');
          const count = range.count || String(recommended?.count ?? now?.count ?? '');
          onChange({ use, start, count });
        }}
      />
      {range.use ? (
        <>
          <Body1>Now: {now ? rangeText(now) : 'not read'}.</Body1>
          <div className={styles.row}>
            <Field label="First port" validationState={message ? 'error' : 'none'} validationMessage={message}>
              <Input
                className={styles.input}
                value={range.start}
                inputMode="numeric"
                onBlur={() => setLeft(true)}
                onChange={(_event, data) => onChange({ start: data.value })}
              />
            </Field>
            <Field label="Number of ports">
              <Input
                className={styles.input}
                value={range.count}
                inputMode="numeric"
                onBlur={() => setLeft(true)}
                onChange={(_event, data) => onChange({ count: data.value })}
              />
            </Field>
          </div>
          {recommended ? (
            <div>
              <Button
                size="small"
                onClick={() => onChange({ start: String(recommended.start), count: String(recommended.count) })}
              >
                Recommended range: {rangeText(recommended)}
              </Button>
            </div>
          ) : null}
          {risks.length > 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                This range covers {risks.join(', ')}: an outgoing connection could take such a port before its server
                listens on it. Each is reserved below unless you untick it.
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
