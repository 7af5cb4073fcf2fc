import { Button } from '@fluentui/react-components';
import type { Status } from '../../shared/contract';
import { useTuner } from '../state/TunerContext';
import { Busy } from './Busy';
import { ConnectionsSection } from './ConnectionsSection';
import { FailureBar } from './FailureBar';
import { InForceCheck } from './InForceCheck';
import { PortPoolSection } from './PortPoolSection';

/** The diagnosis on the first page: it arrives after the registry values, which show at once. */
export function DiagnosisArea({ status }: { status: Status }) {
  const { diagnosis } = useTuner();
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
  return (
    <>
      <InForceCheck status={status} diagnosis={diagnosis.value} />
      <ConnectionsSection diagnosis={diagnosis.value} />
      <PortPoolSection diagnosis={diagnosis.value} />
    </>
  );
}
