import { Button, Caption1, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useReducer } from 'react';
import { checkDraft } from './state/draft';
import { Busy } from './components/Busy';
import { FailureBar } from './components/FailureBar';
import { StepList } from './components/StepList';
import { FocusHeadingContext } from './components/StepHeading';
import { useStatus } from './state/useStatus';
import { initialWizard, wizardReducer, type View } from './state/wizard';
import { AdminRequired } from './steps/AdminRequired';
import { BackupStep } from './steps/BackupStep';
import { CheckStep } from './steps/CheckStep';
import { ConfigureStep } from './steps/ConfigureStep';
import { RestartStep } from './steps/RestartStep';
import { ReviewStep } from './steps/ReviewStep';
import { UndoPage } from './steps/UndoPage';

const useStyles = makeStyles({
  // The window never scrolls as a whole: the page does, so the step list and each page's Back/Next stay in view.
  shell: { display: 'flex', flexDirection: 'column', height: '100vh' },
  header: {
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { ...typographyStyles.subtitle1, margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  aside: {
    width: '220px',
    flexShrink: 0,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  main: {
    flexGrow: 1,
    minWidth: 0,
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXXL} 0`,
  },
});

export function App() {
  const styles = useStyles();
  const { status, loading, failure, refresh } = useStatus();
  const [wizard, dispatch] = useReducer(wizardReducer, undefined, () => initialWizard());

  const go = (view: Exclude<View, 'undo'>) => {
    dispatch({ type: 'go', view });
    // The pages that show the values as they are now read them again on the way in.
    if (view === 'check' || view === 'review') void refresh();
  };
  const startOver = () => {
    dispatch({ type: 'start-over' });
    void refresh();
  };

  const content = () => {
    const retry = failure ? (
      <FailureBar
        failure={failure}
        title="Could not read the current settings"
        actions={
          <Button disabled={loading} onClick={() => void refresh()}>
            Try again
          </Button>
        }
      />
    ) : null;
    if (!status) return retry ?? <Busy label="Reading the registry…" />;
    if (!status.canWrite) return <AdminRequired status={status} />;

    const folder = wizard.backupFolder ?? status.backupDir;
    const pair = checkDraft(wizard.draft);
    switch (wizard.view) {
      case 'check':
        // Never show values from before a change as the current ones.
        if (loading) return <Busy label="Reading the registry…" />;
        return (
          retry ?? (
            <CheckStep
              status={status}
              onNext={() => go('backup')}
              onUndo={() => dispatch({ type: 'open-undo' })}
              onRestart={() => go('restart')}
            />
          )
        );
      case 'backup':
        return (
          <BackupStep
            folder={folder}
            backup={wizard.backup}
            onFolderChosen={(chosen) => dispatch({ type: 'folder-chosen', folder: chosen })}
            onBackedUp={(backup) => dispatch({ type: 'backed-up', backup })}
            onBack={() => go('check')}
            onNext={() => go('configure')}
          />
        );
      case 'configure':
        return (
          <ConfigureStep
            status={status}
            draft={wizard.draft}
            onEdit={(name, text) => dispatch({ type: 'edit', name, text })}
            onBack={() => go('backup')}
            onNext={() => go('review')}
          />
        );
      case 'review':
        return (
          <>
            {retry}
            <ReviewStep
              status={status}
              reading={loading}
              values={pair.values}
              folder={folder}
              applied={wizard.applied}
              onApplied={(result) => dispatch({ type: 'applied', result })}
              onRefresh={refresh}
              onBack={() => go('configure')}
              onNext={() => go('restart')}
              onUndo={() => dispatch({ type: 'open-undo' })}
            />
          </>
        );
      case 'restart':
        return <RestartStep onDone={startOver} />;
      case 'undo':
        return (
          <>
            {retry}
            <UndoPage
              status={status}
              loading={loading}
              onRefresh={refresh}
              onCancel={() => go(wizard.cameFrom)}
              onDone={startOver}
            />
          </>
        );
    }
  };

  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <h1 className={styles.title}>TCP Port Tuner</h1>
        <Caption1 className={styles.muted}>Ephemeral ports and TIME_WAIT for busy MySQL clients</Caption1>
      </header>
      <div className={styles.body}>
        <aside className={styles.aside}>
          <StepList view={status && !status.canWrite ? 'check' : wizard.view} />
        </aside>
        <main className={styles.main}>
          <FocusHeadingContext.Provider value={wizard.navigated}>
            {content()}
          </FocusHeadingContext.Provider>
        </main>
      </div>
    </div>
  );
}
