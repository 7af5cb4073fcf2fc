import { Button } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { Status } from '../../shared/contract';
import { useTuner } from '../wizard/TunerContext';
import { Busy } from './Busy';
import { ClientSymptoms } from './ClientSymptoms';
import { ConnectionsSection } from './ConnectionsSection';
import { FailureBar } from './FailureBar';
import { InForceCheck } from './InForceCheck';
import { LivePool } from './LivePool';
import { PortPoolSection } from './PortPoolSection';

/**
 * The diagnosis on the first page: it arrives after the registry values, which show at once,
 * and then moves: the pool is sampled every few seconds while this page is open.
 */
export function DiagnosisArea({ status }: { status: Status }) {
  const { diagnosis, pool } = useTuner();
  const watch = pool.watch;
  useEffect(() => watch(), [watch]);
  if (!diagnosis.value) {
    if (diagnosis.failure) {
      return (
        <FailureBar
          failure={diagnosis.failure}
          title="Could not read what is in force"
          actions={<Button onClick={() => void diagnosis.refresh()}>Try again</Button>}
        />
      );
    }
    return <Busy label="Reading connections, the port pool and the event log…" />;
  }
  const latest = pool.samples.at(-1);
  const held = latest?.tcp
    ? latest.tcp.held.ipv4.timeWait + latest.tcp.held.ipv4.established + latest.tcp.held.ipv4.other
    : null;
  return (
    <>
      <InForceCheck status={status} diagnosis={diagnosis.value} />
      <LivePool />
      <ConnectionsSection diagnosis={diagnosis.value} sample={latest} />
      <PortPoolSection diagnosis={diagnosis.value} status={status} held={held} />
      <ClientSymptoms sample={latest} />
    </>
  );
}
