import { makeStyles, tokens } from '@fluentui/react-components';
import type { RefObject } from 'react';
import { useFocusOn } from '../hooks/useFocusOn';
import { RESTART_DELAY_SECONDS, type useRestart } from '../hooks/useRestart';
import { FailureBar } from './FailureBar';
import { RestartChoice } from './RestartChoice';
import { RestartOutcome } from './RestartOutcome';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type Props = ReturnType<typeof useRestart> & {
  /** The page's way on, where focus goes once nothing is left to do here. */
  next: RefObject<HTMLButtonElement | null>;
};

/** The restart choice until one is made, then its outcome. */
export function RestartSection({ restart, cancel, busy, next }: Props) {
  const styles = useStyles();
  const answer = restart.value;
  const scheduled = answer?.when === 'now' && answer.performed && !cancel.value ? answer : null;
  // The choice's buttons go once it is made: focus goes to calling a scheduled restart off, else on.
  const cancelButton = useFocusOn<HTMLButtonElement>(scheduled);
  useFocusOn(answer && !scheduled ? (cancel.value ?? answer) : null, next);
  return (
    <div className={styles.wrap}>
      <RestartChoice
        answered={restart.value !== null}
        disabled={busy !== null}
        delaySeconds={RESTART_DELAY_SECONDS}
        onNow={() => void restart.run('now')}
        onLater={() => void restart.run('later')}
      />
      {restart.failure ? <FailureBar failure={restart.failure} title="The restart was not scheduled" /> : null}
      {cancel.failure ? <FailureBar failure={cancel.failure} title="The restart was not cancelled" /> : null}
      {restart.value ? (
        <RestartOutcome
          result={restart.value}
          cancelled={cancel.value}
          busy={busy !== null}
          onCancel={() => void cancel.run()}
          cancelButton={cancelButton}
        />
      ) : null}
    </div>
  );
}
