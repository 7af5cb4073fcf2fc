import {
  Body1Strong,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Status } from '../../shared/contract';
import { SETTING_NAMES, SETTINGS } from '../../shared/settings';
import { describeInForce, valueProblem } from '../../shared/in-force';
import { DynamicRangeNote } from './DynamicRangeNote';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalL,
    margin: 0,
  },
  name: { fontFamily: tokens.fontFamilyMonospace },
  value: { margin: 0, textAlign: 'right' },
  summary: { color: tokens.colorNeutralForeground2 },
});

/** Both values as the registry holds them now, with anything Windows would ignore said plainly. */
export function CurrentValues({ status }: { status: Status }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {SETTING_NAMES.map((name) => {
        const state = status.values[name];
        const problem = valueProblem(name, state);
        return (
          <li key={name} className={styles.item}>
            <div className={styles.row}>
              <Body1Strong className={styles.name}>{name}</Body1Strong>
              <Text weight="semibold" className={styles.value}>
                {describeInForce(name, state, status.windows.usesDynamicPortRange)}
              </Text>
            </div>
            <Caption1 className={styles.summary}>{SETTINGS[name].summary}</Caption1>
            {problem ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{problem}</MessageBarBody>
              </MessageBar>
            ) : null}
            {name === 'MaxUserPort' && status.windows.usesDynamicPortRange ? <DynamicRangeNote /> : null}
          </li>
        );
      })}
    </ul>
  );
}
