import { FluentProvider, makeStyles, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { usePrefersDark } from './hooks/useColorScheme';
import { firstAnswer } from './wizard/first-answer';
import { TunerProvider, type FirstReads } from './wizard/TunerContext';
import { WizardProvider } from './wizard/WizardContext';

const useStyles = makeStyles({
  provider: { minHeight: '100vh' },
});

// Asked now, not after React's first render: the Check page's first figures wait on both answers.
const first: FirstReads = {
  status: firstAnswer(window.tuner.getStatus({})),
  diagnosis: firstAnswer(window.tuner.diagnose({})),
};

function Root() {
  const dark = usePrefersDark();
  const styles = useStyles();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.provider}>
      <TunerProvider first={first}>
        <WizardProvider>
          <App />
        </WizardProvider>
      </TunerProvider>
    </FluentProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <Root />
    </ErrorBoundary>
  </StrictMode>,
);
