import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useAction } from '../hooks/useAction';
import { Busy } from './Busy';
import { FailureBar } from './FailureBar';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

interface Props {
  /** Called once "later" has been recorded: the app returns to the status page. */
  onLater: () => void;
  /** Called from the result of "now" to leave the page. */
  onDone: () => void;
}

/** Restart now (confirmed in a dialog) or later; both values are read only when Windows starts. */
export function RestartPanel({ onLater, onDone }: Props) {
  const styles = useStyles();
  const [confirming, setConfirming] = useState(false);
  const now = useAction(() => window.tuner.restartWindows({ when: 'now' }));
  const later = useAction(() => window.tuner.restartWindows({ when: 'later' }));
  const cancel = useAction(() => window.tuner.cancelRestart({}));
  const busy = now.busy || later.busy || cancel.busy;

  const restartNow = () => {
    setConfirming(false);
    cancel.reset();
    void now.run();
  };
  const restartLater = async () => {
    if ((await later.run()).ok) onLater();
  };

  return (
    <div className={styles.wrap}>
      {now.value ? null : (
        <div className={styles.buttons}>
          <Button appearance="primary" disabled={busy} onClick={() => setConfirming(true)}>
            Restart now…
          </Button>
          <Button disabled={busy} onClick={() => void restartLater()}>
            Restart later
          </Button>
        </div>
      )}
      {now.busy ? <Busy label="Asking Windows to restart…" /> : null}
      {later.busy ? <Busy label="Recording the restart for later…" /> : null}
      {cancel.busy ? <Busy label="Cancelling the restart…" /> : null}
      {now.failure ? <FailureBar failure={now.failure} title="The restart was not scheduled" /> : null}
      {later.failure ? <FailureBar failure={later.failure} /> : null}
      {cancel.failure ? <FailureBar failure={cancel.failure} title="The restart was not cancelled" /> : null}
      {now.value && !cancel.value ? (
        <MessageBar intent={now.value.performed ? 'success' : 'info'} layout="multiline">
          <MessageBarBody>
            {now.value.performed ? <MessageBarTitle>Restart scheduled</MessageBarTitle> : null}
            {now.value.message}
          </MessageBarBody>
          {now.value.performed ? (
            <MessageBarActions>
              <Button disabled={busy} onClick={() => void cancel.run()}>
                Cancel the restart
              </Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      ) : null}
      {cancel.value ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Restart cancelled</MessageBarTitle>
            {cancel.value.message} The new values take effect at the next restart.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {now.value ? (
        <div className={styles.buttons}>
          <Button onClick={onDone}>Back to the status page</Button>
        </div>
      ) : null}

      <Dialog open={confirming} onOpenChange={(_event, data) => setConfirming(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Restart Windows now?</DialogTitle>
            <DialogContent>
              Windows warns everyone signed in and restarts shortly after you confirm. Save open work first.
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={restartNow}>
                Restart now
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button>Cancel</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
