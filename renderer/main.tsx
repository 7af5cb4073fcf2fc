// First: the page's first questions leave before React and Fluent UI are evaluated.
import { firstAsks } from './first-asks';
import { FluentProvider, makeStyles, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { usePrefersDark } from './hooks/useColorScheme';
import { TunerProvider } from './wizard/TunerContext';
import { WizardProvider } from './wizard/WizardContext';

const useStyles = makeStyles({
  provider: { minHeight: '100vh' },
});

function Root() {
  const dark = usePrefersDark();
  const styles = useStyles();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.provider}>
      <TunerProvider first={firstAsks}>
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
