import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ErrorKind, Failure } from '../../shared/failure';
import { useAnnounce } from './Announcer';

const TITLES: Record<ErrorKind, string> = {
  'invalid-input': 'Not accepted',
  'not-permitted': 'Administrator rights needed',
  'registry-failed': 'The registry change failed',
  'netsh-failed': 'The port range or reservation change failed',
  'restore-failed': 'The values could not be put back',
  'backup-failed': 'The backup failed',
  'undo-refused': 'Undo stopped',
  busy: 'Another change is under way',
  'tool-missing': 'A Windows tool is missing',
  'journal-unreadable': 'The change journal cannot be read',
  'not-supported': 'Not available here',
  unexpected: 'Something went wrong',
};

/** A failure as the main side worded it: its messages already say what was left unchanged. */
export function FailureBar({ failure, title, actions }: { failure: Failure; title?: string; actions?: ReactNode }) {
  const heading = title ?? TITLES[failure.kind];
  useAnnounce(`${heading}. ${failure.message}`, 'assertive');
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{heading}</MessageBarTitle>
        {failure.message}
      </MessageBarBody>
      {actions ? <MessageBarActions>{actions}</MessageBarActions> : null}
    </MessageBar>
  );
}
