import { useState } from 'react';
import type { ClientError } from '../../shared/ports-or-mysql';
import { portsCheck, type PortsCheck, type PortsTest } from '../wizard/ports-evidence';
import { useTuner } from '../wizard/TunerContext';

export interface PortsCheckState extends PortsCheck {
  clientError: ClientError;
  setClientError: (error: ClientError) => void;
  test: PortsTest | null;
  setTest: (test: PortsTest) => void;
}

/**
 * The Check page's "Is it the ports?" evidence, held by the page itself: it leads with the
 * verdict and words its Next button by it, and the section below shows the same verdict.
 */
export function usePortsCheck(): PortsCheckState {
  const { diagnosis, pool } = useTuner();
  const [clientError, setClientError] = useState<ClientError>('unknown');
  const [test, setTest] = useState<PortsTest | null>(null);
  return {
    ...portsCheck({ clientError, test }, diagnosis.value, pool.samples),
    clientError,
    setClientError,
    test,
    setTest,
  };
}
