import { FluentProvider, makeStyles, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { usePrefersDark } from './hooks/useColorScheme';
import { firstAnswer } from './wizard/first-answer';
import { TunerProvider, type FirstStatus } from './wizard/TunerContext';
import { WizardProvider } from './wizard/WizardContext';

const useStyles = makeStyles({
  provider: { minHeight: '100vh' },
});

// Asked now, not after React's first render (a few hundred milliseconds on a busy host).
const firstStatus: FirstStatus = firstAnswer(window.tuner.getStatus({}));

function Root() {
  const dark = usePrefersDark();
  const styles = useStyles();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.provider}>
      <TunerProvider firstStatus={firstStatus}>
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
