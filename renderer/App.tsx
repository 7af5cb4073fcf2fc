import { Button, Caption1, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { ComponentType } from 'react';
import { Announcer } from './components/Announcer';
import { Busy } from './components/Busy';
import { FailureBar } from './components/FailureBar';
import { StepList } from './components/StepList';
import { FocusHeadingContext } from './components/StepHeading';
import { useTuner } from './wizard/TunerContext';
import { useWizard } from './wizard/WizardContext';
import type { View } from './wizard/types';
import { AdminRequiredPage } from './pages/AdminRequiredPage';
import { BackupPage } from './pages/BackupPage';
import { CheckPage } from './pages/CheckPage';
import { ConfigurePage } from './pages/ConfigurePage';
import { ExportPage } from './pages/ExportPage';
import { RestartPage } from './pages/RestartPage';
import { ReviewPage } from './pages/ReviewPage';
import { UndoPage } from './pages/UndoPage';

/** Each view's page; every page reads what it needs from useTuner() and useWizard(). */
const PAGES: Record<View, ComponentType> = {
  check: CheckPage,
  backup: BackupPage,
  configure: ConfigurePage,
  review: ReviewPage,
  restart: RestartPage,
  undo: UndoPage,
  export: ExportPage,
};

const useStyles = makeStyles({
  // The window never scrolls as a whole: the page does, so the step list and each page's Back/Next stay in view.
  shell: { display: 'flex', flexDirection: 'column', height: '100vh' },
  header: {
    display: 'flex',
    alignItems: 'baseline',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { ...typographyStyles.subtitle1, margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  aside: {
    width: '200px',
    // At the window's smallest the page needs the room more than the step list does.
    '@media (max-width: 800px)': {
      width: '152px',
      paddingLeft: tokens.spacingHorizontalS,
      paddingRight: tokens.spacingHorizontalS,
    },
    flexShrink: 0,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  main: {
    flexGrow: 1,
    minWidth: 0,
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL} 0`,
  },
});

function Content() {
  const { status, loading, failure, refresh } = useTuner();
  const { state } = useWizard();
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
  if (!status.canWrite) return <AdminRequiredPage status={status} />;
  const Shown = PAGES[state.view];
  return (
    <>
      {retry}
      <Shown />
    </>
  );
}

export function App() {
  const styles = useStyles();
  const { status } = useTuner();
  const { state } = useWizard();
  // Results and failures are said through the Announcer's live regions (useAnnounce).
  return (
    <Announcer>
      <div className={styles.shell}>
        <header className={styles.header}>
          <h1 className={styles.title}>TCP Port Tuner</h1>
          <Caption1 className={styles.muted}>Ephemeral ports and TIME_WAIT for busy MySQL clients</Caption1>
        </header>
        <div className={styles.body}>
          <aside className={styles.aside}>
            <StepList view={status && !status.canWrite ? 'check' : state.view} />
          </aside>
          <main className={styles.main}>
            <FocusHeadingContext.Provider value={state.navigated}>
              <Content />
            </FocusHeadingContext.Provider>
          </main>
        </div>
      </div>
    </Announcer>
  );
}
