import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { StartupSettle } from '../../shared/contract';
import { rows } from '../../shared/change-rows';
import { ChangeTable } from './ChangeTable';

/**
 * What the wizard's start did to a change a crash left half-done: settling writes, so it is
 * never silent. Shows the history entry it wrote (found, and left), or why it could not settle.
 */
export function SettledNotice({ settled }: { settled: StartupSettle | null | undefined }) {
  if (!settled) return null;
  if (settled.outcome === 'failed') {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>An interrupted change could not be settled</MessageBarTitle>
          {settled.message} The next apply or undo tries again first.
        </MessageBarBody>
      </MessageBar>
    );
  }
  const changed = rows(settled.entry.before, settled.entry.after).filter((row) => row.changed);
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>An interrupted change was settled as the wizard started</MessageBarTitle>
        {settled.message} {changed.length > 0 ? 'As the history records it:' : 'Nothing changed.'}
        {changed.length > 0 ? (
          <ChangeTable rows={changed} headings={['Before', 'After']} label="The settle, as the history records it" />
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
