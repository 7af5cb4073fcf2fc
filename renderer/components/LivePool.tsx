import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { FAMILY_LABEL } from '../../shared/families';
import { THRESHOLD_LIMITS } from '../../shared/pool-sample';
import { verdict } from '../../shared/pool-trend';
import { chartColumns } from '../wizard/chart-data';
import { formatTime } from '../wizard/format';
import { usePrefersDark } from '../hooks/useColorScheme';
import { useTuner } from '../wizard/TunerContext';
import { SAMPLE_INTERVAL_MS } from '../wizard/usePoolSampling';
import { FailureBar } from './FailureBar';
import { PathText } from './PathText';
import { PoolChart } from './PoolChart';
import { PoolFigures } from './PoolFigures';
import { Section } from './Section';

const useStyles = makeStyles({
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM },
  threshold: { width: '160px' },
  thresholdInput: { width: '100%', minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The port pool as it moves: the verdict's notes, the figures, the chart, and the alert's snapshot (the verdict itself heads the page: VerdictBar). */
export function LivePool() {
  const styles = useStyles();
  const { pool, readAgain } = useTuner();
  const dark = usePrefersDark();
  const [typed, setTyped] = useState(String(pool.threshold));
  const found = useMemo(() => verdict(pool.samples, pool.threshold), [pool.samples, pool.threshold]);
  const family = found.worst?.family ?? 'ipv4';
  // Three intervals without a sample is time nobody sampled (paused, the page left), not a slope.
  const columns = useMemo(
    () => chartColumns(pool.samples, family, pool.threshold, 3 * SAMPLE_INTERVAL_MS),
    [pool.samples, family, pool.threshold],
  );
  const latest = pool.samples.at(-1);
  const typedNumber = Number(typed);
  const thresholdValid =
    /^\d+$/.test(typed) && typedNumber >= THRESHOLD_LIMITS.min && typedNumber <= THRESHOLD_LIMITS.max;

  return (
    <Section title="Port pool, live">
      {found.notes.map((note) => (
        <Body1 key={note}>{note}</Body1>
      ))}
      {latest?.alert ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Past {latest.alert.threshold}% of the pool</MessageBarTitle>
            {latest.alert.snapshot ? (
              <>
                Snapshot saved for a ticket: <PathText>{latest.alert.snapshot}</PathText>
              </>
            ) : (
              `No new snapshot: ${latest.alert.note}.`
            )}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {pool.failure ? <FailureBar failure={pool.failure} title="The last sample failed" /> : null}
      <div className={styles.controls}>
        <Button onClick={() => pool.setPaused(!pool.paused)}>{pool.paused ? 'Resume' : 'Pause'}</Button>
        <Button onClick={() => void readAgain()}>Read again</Button>
        <Field
          label="Alert at % of the pool"
          className={styles.threshold}
          validationMessage={
            thresholdValid ? undefined : `A whole number from ${THRESHOLD_LIMITS.min} to ${THRESHOLD_LIMITS.max}.`
          }
        >
          <Input
            className={styles.thresholdInput}
            value={typed}
            inputMode="numeric"
            onChange={(_event, data) => {
              setTyped(data.value);
              if (
                /^\d+$/.test(data.value) &&
                Number(data.value) >= THRESHOLD_LIMITS.min &&
                Number(data.value) <= THRESHOLD_LIMITS.max
              )
                pool.setThreshold(Number(data.value));
            }}
          />
        </Field>
        <Caption1 className={styles.muted} aria-live="polite">
          {latest
            ? `${pool.paused ? 'Paused; last read' : 'Last read'} ${formatTime(latest.at)}${pool.paused ? '' : `, every ${SAMPLE_INTERVAL_MS / 1000} s`}`
            : ''}
        </Caption1>
      </div>
      <PoolFigures samples={pool.samples} />
      {latest?.tcp ? (
        <PoolChart columns={columns} themeKey={dark ? 'dark' : 'light'} label={`${FAMILY_LABEL[family]} ports held`} />
      ) : null}
      <Caption1 className={styles.muted}>
        Held: this host's outgoing connections, from <PathText>netstat -ano</PathText>; pool: the dynamic port range
        less its exclusions, from <PathText>netsh</PathText>. The chart stacks TIME_WAIT (yellow), established (blue)
        and other states (lavender) under the pool (red, dashed line) and the alert threshold (orange, dotted line); a
        gap is time with no sample. It keeps the last 30 minutes.
      </Caption1>
    </Section>
  );
}
