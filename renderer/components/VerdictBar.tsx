import { Body1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useMemo } from 'react';
import { verdict, type Level } from '../../shared/pool-trend';
import { useTuner } from '../wizard/TunerContext';

const INTENT: Record<Level, 'success' | 'info' | 'warning' | 'error'> = {
  calm: 'success',
  unknown: 'info',
  warned: 'warning',
  filling: 'warning',
  'running-out': 'error',
};

/** The verdict from the live samples, for the top of the Check page: the first thing read, above the fold even at the smallest window (its notes follow in LivePool). */
export function VerdictBar() {
  const { pool } = useTuner();
  const found = useMemo(() => verdict(pool.samples, pool.threshold), [pool.samples, pool.threshold]);
  if (pool.samples.length === 0) return <Body1>Port pool: taking the first sample…</Body1>;
  return (
    <MessageBar intent={INTENT[found.level]} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Port pool</MessageBarTitle>
        {found.title}
      </MessageBarBody>
    </MessageBar>
  );
}
