import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  message: string | null;
  /** The data folder, where tcp-port-tuner.log is, once the main side has said. */
  dataDir: string | null;
}

const MAX_MESSAGE = 300;

/** Where the log is, exactly when the main side has said, and where it is by default otherwise. */
function logPlace(dataDir: string | null): string {
  if (!dataDir) return "tcp-port-tuner.log in TCP Port Tuner's data folder (on Windows, %ProgramData%\\TCP Port Tuner)";
  const separator = dataDir.includes('\\') ? '\\' : '/';
  return `${dataDir.replace(/[\\/]$/, '')}${separator}tcp-port-tuner.log`;
}

/**
 * A render exception would leave the elevated window blank. This shows a plain message instead,
 * with the log's path; the error goes to the page's console, which the main side copies into
 * that log. Plain elements, no Fluent UI: the theme's provider may be what failed.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { message: null, dataDir: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    const message = error instanceof Error ? error.message : String(error);
    return { message: message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const where = info.componentStack?.trim().split('\n')[0]?.trim() ?? '';
    console.error(`The wizard's page failed: ${error instanceof Error ? error.message : String(error)} ${where}`);
    // The main side still answers: ask it where the data folder is.
    void window.tuner
      ?.getStatus({})
      .then((result) => {
        if (result.ok) this.setState({ dataDir: result.value.dataDir });
      })
      .catch(() => undefined);
  }

  override render(): ReactNode {
    const { message, dataDir } = this.state;
    if (message === null) return this.props.children;
    return (
      <main
        role="alert"
        style={{
          fontFamily: 'Segoe UI, system-ui, sans-serif',
          padding: '24px 32px',
          maxWidth: '720px',
          lineHeight: 1.5,
        }}
      >
        <h1 style={{ fontSize: '20px', margin: '0 0 12px' }}>The wizard stopped working</h1>
        <p>A part of this page failed: {message}</p>
        <p>
          A change that was under way goes on without the page, and its outcome is recorded in the history. Close this
          window and start TCP Port Tuner again.
        </p>
        <p>
          The error is recorded in{' '}
          <code style={{ overflowWrap: 'anywhere', userSelect: 'text' }}>{logPlace(dataDir)}</code>.
        </p>
      </main>
    );
  }
}
