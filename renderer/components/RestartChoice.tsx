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
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useState } from 'react';

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

interface Props {
  /** Once answered the buttons go; the dialog stays mounted, as unmounting it while it closes would leave the page inert. */
  answered: boolean;
  disabled: boolean;
  /** Seconds between the confirmation and the restart, as the main side schedules it. */
  delaySeconds: number;
  onNow: () => void;
  onLater: () => void;
}

/**
 * Restart now (confirmed in a dialog) or later. In the dialog the focused, primary button keeps
 * Windows running: Enter must never reboot a production database host.
 */
export function RestartChoice({ answered, disabled, delaySeconds, onNow, onLater }: Props) {
  const styles = useStyles();
  const [confirming, setConfirming] = useState(false);
  // The dialog opens from a click, not a DialogTrigger: this marks where focus returns when it closes (Esc too).
  const returnHere = useRestoreFocusTarget();
  return (
    <div className={styles.buttons}>
      {answered ? null : (
        <>
          {/* Focusable while the request runs, so focus stays here until its outcome takes their place. */}
          <Button {...returnHere} disabledFocusable={disabled} onClick={() => setConfirming(true)}>
            Restart now…
          </Button>
          <Button disabledFocusable={disabled} onClick={onLater}>
            Restart later
          </Button>
        </>
      )}
      <Dialog open={confirming} onOpenChange={(_event, data) => setConfirming(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Restart Windows in {delaySeconds} seconds?</DialogTitle>
            <DialogContent>
              Windows restarts {delaySeconds} seconds after you confirm. MySQL and every other service on this machine
              stop, and everyone signed in is warned. Until then you can still cancel the restart here, or with shutdown
              /a.
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="primary">Keep running</Button>
              </DialogTrigger>
              <Button
                onClick={() => {
                  setConfirming(false);
                  onNow();
                }}
              >
                Restart in {delaySeconds} seconds
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
