import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Ref } from 'react';
import type { RestartResult } from '../../shared/contract';
import { useAnnounce } from './Announcer';

const AT_NEXT = 'The new registry values take effect at the next restart.';

interface Props {
  result: RestartResult;
  cancelled: RestartResult | null;
  busy: boolean;
  onCancel: () => void;
  cancelButton: Ref<HTMLButtonElement>;
}

/** What the restart request did, with the way to call a scheduled restart off. */
export function RestartOutcome({ result, cancelled, busy, onCancel, cancelButton }: Props) {
  const scheduled = result.when === 'now' && result.performed;
  useAnnounce(
    cancelled
      ? `Restart cancelled. ${cancelled.message} ${AT_NEXT}`
      : `${scheduled ? 'Restart scheduled. ' : ''}${result.message}`,
  );
  if (cancelled) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Restart cancelled</MessageBarTitle>
          {cancelled.message} {AT_NEXT}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent={scheduled ? 'warning' : 'info'} layout="multiline">
      <MessageBarBody>
        {scheduled ? <MessageBarTitle>Restart scheduled</MessageBarTitle> : null}
        {result.message}
      </MessageBarBody>
      {scheduled ? (
        <MessageBarActions>
          <Button ref={cancelButton} disabledFocusable={busy} onClick={onCancel}>
            Cancel the restart
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
