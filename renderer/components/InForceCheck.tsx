import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Status } from '../../shared/contract';
import type { Diagnosis } from '../../shared/diagnosis';
import { rangeWithMaxUserPort } from '../../shared/port-pool';
import type { PortRange } from '../../shared/port-range';
import { rangeText } from '../../shared/port-text';
import { useWizard } from '../wizard/WizardContext';

/** The range this tool's last change should have left in force, and why; null when it set neither. */
function expected(status: Status): { range: PortRange; byNetsh: boolean; because: string } | null {
  const last = [...status.history].reverse().find((entry) => entry.action === 'apply' || entry.action === 'recovered');
  if (!last || !status.undo) return null;
  if (last.after.dynamicRange)
    return { range: last.after.dynamicRange.ipv4, byNetsh: true, because: 'This tool set the dynamic port range' };
  const port = last.after.MaxUserPort;
  if (
    port.present &&
    port.type === 'REG_DWORD' &&
    typeof port.data === 'number' &&
    status.windows.usesDynamicPortRange
  ) {
    return {
      range: rangeWithMaxUserPort(port.data),
      byNetsh: false,
      because: `This tool set MaxUserPort ${port.data}, which was seen to make the range`,
    };
  }
  return null;
}

const same = (a: PortRange, b: PortRange) => a.start === b.start && a.count === b.count;

/**
 * After the restart, what is in force next to what the tool set. Where the tool set a range and
 * MaxUserPort is set too, Windows reshapes the range at the restart: that is named as the cause,
 * with the two ways forward.
 */
export function InForceCheck({ status, diagnosis }: { status: Status; diagnosis: Diagnosis }) {
  const { dispatch, go, openUndo } = useWizard();
  const want = expected(status);
  const found = diagnosis.ports.dynamic.ipv4;
  if (!want || !found || status.restartPending) return null;
  const agree = same(found, want.range);
  // The engine names the reshape (status.rangeReshape) and treats it as this tool's own, so undo puts it back without asking.
  const reshape = status.rangeReshape;
  const setAgain = () => {
    const range = { use: true, start: String(want.range.start), count: String(want.range.count) };
    dispatch({
      type: 'choose',
      template: 'custom',
      fill: { draft: { MaxUserPort: null, TcpTimedWaitDelay: null }, range },
    });
    go('backup');
  };
  if (reshape && want.byNetsh) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Windows widened the range</MessageBarTitle>
          Windows widened the range to {rangeText(reshape.range)} because MaxUserPort is set ({reshape.maxUserPort}).
          This tool set {rangeText(want.range)}. Set the range again (it holds until the next restart while MaxUserPort
          stays), or remove MaxUserPort with Undo, which puts back everything this tool changed.
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={setAgain}>Set the range again</Button>
          <Button onClick={openUndo}>Remove MaxUserPort with Undo…</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent={agree ? 'success' : 'warning'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{agree ? 'In force as set' : 'In force differs from what was set'}</MessageBarTitle>
        {want.because} {rangeText(want.range)}. In force now: {rangeText(found)}.{' '}
        {agree ? 'They agree.' : 'They do not agree: Windows did not take the range that was expected.'}
      </MessageBarBody>
    </MessageBar>
  );
}
