import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Status } from '../../shared/contract';
import type { Diagnosis } from '../../shared/diagnosis';
import { rangeWithMaxUserPort } from '../../shared/port-pool';
import type { PortRange } from '../../shared/port-range';
import { describeRange } from '../../shared/port-range';

/** The range this tool's last change should have left in force, and why; null when it set neither. */
function expected(status: Status): { range: PortRange; because: string } | null {
  const last = [...status.history].reverse().find((entry) => entry.action === 'apply' || entry.action === 'recovered');
  if (!last || !status.undo) return null;
  if (last.after.dynamicRange) return { range: last.after.dynamicRange.ipv4, because: 'This tool set the dynamic port range' };
  const port = last.after.MaxUserPort;
  if (port.present && port.type === 'REG_DWORD' && typeof port.data === 'number' && status.windows.usesDynamicPortRange) {
    return { range: rangeWithMaxUserPort(port.data), because: `This tool set MaxUserPort ${port.data}, which was seen to make the range` };
  }
  return null;
}

/** After the restart, what is in force next to what the tool set, and whether they agree. */
export function InForceCheck({ status, diagnosis }: { status: Status; diagnosis: Diagnosis }) {
  const want = expected(status);
  const found = diagnosis.ports.dynamic.ipv4;
  if (!want || !found || status.restartPending) return null;
  const agree = found.start === want.range.start && found.count === want.range.count;
  return (
    <MessageBar intent={agree ? 'success' : 'warning'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{agree ? 'In force as set' : 'In force differs from what was set'}</MessageBarTitle>
        {want.because} {describeRange(want.range)}. In force now: {describeRange(found)}.{' '}
        {agree ? 'They agree.' : 'They do not agree: Windows did not take the range that was expected.'}
      </MessageBarBody>
    </MessageBar>
  );
}
