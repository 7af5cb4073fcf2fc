import { makeStyles, tokens } from '@fluentui/react-components';
import { RESTART_DELAY_SECONDS, type useRestart } from '../hooks/useRestart';
import { FailureBar } from './FailureBar';
import { RestartChoice } from './RestartChoice';
import { RestartOutcome } from './RestartOutcome';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The restart choice until one is made, then its outcome. */
export function RestartSection({ restart, cancel, busy }: ReturnType<typeof useRestart>) {
  const styles = useStyles();
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
        <RestartOutcome result={restart.value} cancelled={cancel.value} busy={busy !== null} onCancel={() => void cancel.run()} />
      ) : null}
    </div>
  );
}
