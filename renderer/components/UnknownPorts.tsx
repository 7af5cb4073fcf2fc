import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { NetshUnknown } from '../wizard/templates';
import { Busy } from './Busy';

/**
 * Where the ports to reserve would be listed, while netsh's exclusions are unknown: a change
 * applied now would reserve none, so the wait is shown, and a failed read is said with its cause.
 */
export function UnknownPorts({ unknown }: { unknown: NetshUnknown }) {
  if (unknown.reading) return <Busy label="Reading netsh's port exclusions, to find the ports to reserve…" />;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>No port will be reserved</MessageBarTitle>
        netsh's port exclusions were not read: {unknown.why}. The range MaxUserPort makes after a restart may then cover
        ports servers listen on, such as MySQL's 3306 and 33060.
      </MessageBarBody>
    </MessageBar>
  );
}
