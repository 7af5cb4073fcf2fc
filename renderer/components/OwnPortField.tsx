import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { RESERVE_LIMITS } from '../../shared/reserved-ports';
import { validateWholeNumber } from '../../shared/validation';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  input: { width: '140px' },
});

interface Props {
  /** The ports listed to reserve already, ticked or not. */
  listed: readonly number[];
  /** Whether an exclusion holds the port in both families already, so there is nothing to reserve. */
  held: (port: number) => boolean;
  onAdd: (port: number) => void;
}

/** Custom: a port of the DBA's own to reserve, checked as the main side checks reservePorts (shared/reserved-ports.ts). */
export function OwnPortField({ listed, held, onAdd }: Props) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const add = () => {
    const check = validateWholeNumber('A port to reserve', RESERVE_LIMITS.first, RESERVE_LIMITS.last, text);
    if (!check.ok) return setMessage(check.message);
    if (listed.includes(check.value)) return setMessage(`Port ${check.value} is listed already.`);
    if (held(check.value))
      return setMessage(`Port ${check.value} is already excluded for IPv4 and IPv6 (netsh): nothing to reserve.`);
    if (listed.length >= RESERVE_LIMITS.most)
      return setMessage(`At most ${RESERVE_LIMITS.most} ports can be reserved at once; ${listed.length} are listed.`);
    setMessage(null);
    setText('');
    onAdd(check.value);
  };
  return (
    <Field
      label="Another port to reserve"
      hint="A port a server of yours listens on, even when it is stopped now."
      validationState={message ? 'error' : 'none'}
      validationMessage={message ?? undefined}
    >
      {(control) => (
        <div className={styles.row}>
          <Input
            {...control}
            className={styles.input}
            value={text}
            inputMode="numeric"
            autoComplete="off"
            onChange={(_event, data) => setText(data.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') add();
            }}
          />
          <Button onClick={add}>Add</Button>
        </div>
      )}
    </Field>
  );
}
