import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import type { Backup } from '../../shared/contract';
import { describeValue } from '../../shared/registry-value';
import { PARAMETERS_KEY, SETTING_NAMES } from '../../shared/settings';
import { PathText } from './PathText';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

/**
 * What a verified backup holds, file by file: the registry export (with the lines this tool
 * adds to it, and why), the two-value restore file, and the .json that also keeps the range
 * and the reservations, which netsh cannot export.
 */
export function BackupFiles({ backup }: { backup: Backup }) {
  const styles = useStyles();
  const absent = SETTING_NAMES.filter((name) => !backup.values[name].present);
  return (
    <>
      <Body1>
        It holds {SETTING_NAMES.map((name) => `${name} ${describeValue(backup.values[name])}`).join(' and ')}. Three
        files:
      </Body1>
      <ul className={styles.list} aria-label="Files of the backup">
        <li>
          <PathText>{backup.file}</PathText>
          <Body1 block>
            The whole key as <PathText>reg export</PathText> wrote it, checked against the key.
            {absent.length > 0 ? (
              <>
                {' '}
                This tool added its last lines, <PathText>{`[${PARAMETERS_KEY}]`}</PathText> then{' '}
                {absent.map((name, index) => (
                  <Fragment key={name}>
                    {index > 0 ? ' and ' : null}
                    <PathText>{`"${name}"=-`}</PathText>
                  </Fragment>
                ))}
                : they delete what was not set, so importing the file also removes a value a change added.
              </>
            ) : null}
          </Body1>
        </li>
        <li>
          <PathText>{backup.restoreFile}</PathText>
          <Body1 block>
            Only {SETTING_NAMES.join(' and ')}. To put these values back by hand, run{' '}
            <PathText>{`reg import "${backup.restoreFile}"`}</PathText> as administrator. Do not import the full export:
            it would also roll back the key's subkeys (interface settings) to today.
          </Body1>
        </li>
        <li>
          <PathText>{backup.snapshotFile}</PathText>
          <Body1 block>
            The two registry values exactly; Apply adds the dynamic port range and the reservations of both families as
            they were before the change (netsh keeps no backup of its own). Undo checks its journal against this file.
          </Body1>
        </li>
      </ul>
    </>
  );
}
