import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { RestartResult } from '../../shared/contract';

interface Props {
  result: RestartResult;
  cancelled: RestartResult | null;
  busy: boolean;
  onCancel: () => void;
}

/** What the restart request did, with the way to call a scheduled restart off. */
export function RestartOutcome({ result, cancelled, busy, onCancel }: Props) {
  if (cancelled) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Restart cancelled</MessageBarTitle>
          {cancelled.message} The new values take effect at the next restart.
        </MessageBarBody>
      </MessageBar>
    );
  }
  const scheduled = result.when === 'now' && result.performed;
  return (
    <MessageBar intent={scheduled ? 'warning' : 'info'} layout="multiline">
      <MessageBarBody>
        {scheduled ? <MessageBarTitle>Restart scheduled</MessageBarTitle> : null}
        {result.message}
      </MessageBarBody>
      {scheduled ? (
        <MessageBarActions>
          <Button disabled={busy} onClick={onCancel}>
            Cancel the restart
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
