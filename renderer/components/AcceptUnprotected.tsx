import { Checkbox, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { rangeText } from '../../shared/port-text';
import { portList } from '../../shared/reserved-ports';
import { acceptLabel, type Unprotected } from '../wizard/unprotected';

interface Props {
  unprotected: Unprotected;
  accepted: boolean;
  onChange: (on: boolean) => void;
}

/**
 * A MaxUserPort change that leaves MySQL's 3306/33060 open: the DBA reserves them above or
 * accepts it here, by name; the main side refuses the change otherwise. While netsh is still
 * being read there is nothing to accept yet (UnknownPorts shows the wait).
 */
export function AcceptUnprotected({ unprotected, accepted, onChange }: Props) {
  if (unprotected.reading) return null;
  const { ports, range } = unprotected;
  const one = ports.length === 1;
  return (
    <>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{portList(ports)} not reserved</MessageBarTitle>
          After the restart, outgoing connections take ports from {rangeText(range)}: one could take{' '}
          {one ? 'this port' : 'these ports'} before MySQL listens on {one ? 'it' : 'them'}.
        </MessageBarBody>
      </MessageBar>
      <Checkbox
        checked={accepted}
        label={acceptLabel(ports)}
        onChange={(_event, data) => onChange(data.checked === true)}
      />
    </>
  );
}
