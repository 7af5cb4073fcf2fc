import {
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';
import type { ErrorKind, Failure } from '../../shared/failure';
import { useAnnounce } from './Announcer';
import { PathText } from './PathText';

const useStyles = makeStyles({
  repairs: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
});

const TITLES: Record<ErrorKind, string> = {
  'invalid-input': 'Not accepted',
  'not-permitted': 'Administrator rights needed',
  'registry-failed': 'The registry change failed',
  'netsh-failed': 'The port range or reservation change failed',
  'restore-failed': 'The settings could not be put back',
  'backup-failed': 'The backup failed',
  'write-failed': 'A file or folder could not be written',
  'journal-failed': 'The change journal could not be written or read',
  'undo-refused': 'Undo stopped',
  busy: 'Another change is under way',
  'tool-missing': 'A Windows tool is missing',
  'journal-unreadable': 'The change journal cannot be read',
  'not-supported': 'Not available here',
  unexpected: 'Something went wrong',
};

interface Props {
  failure: Failure;
  title?: string;
  actions?: ReactNode;
  /** After an action the DBA started (Apply): the bar scrolls into view and takes focus, so it is not missed below the fold. */
  takeFocus?: boolean;
}

/**
 * A failure as the main side worded it: its messages already say what was left unchanged. The
 * repair commands it names, if any, are listed one per line, each to be copied as it stands.
 */
export function FailureBar({ failure, title, actions, takeFocus = false }: Props) {
  const styles = useStyles();
  const bar = useRef<HTMLDivElement>(null);
  const heading = title ?? TITLES[failure.kind];
  useAnnounce(`${heading}. ${failure.message}`, 'assertive');
  useEffect(() => {
    if (!takeFocus) return;
    bar.current?.focus({ preventScroll: true });
    bar.current?.scrollIntoView({ block: 'nearest' });
  }, [takeFocus, failure]);
  return (
    <MessageBar ref={bar} tabIndex={takeFocus ? -1 : undefined} intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{heading}</MessageBarTitle>
        {failure.message}
        {failure.repairs && failure.repairs.length > 0 ? (
          <ul className={styles.repairs} aria-label="Commands to put it back by hand">
            {failure.repairs.map((line) => (
              <li key={line}>
                <PathText>{line}</PathText>
              </li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
      {actions ? <MessageBarActions>{actions}</MessageBarActions> : null}
    </MessageBar>
  );
}
