/**
 * "Is it the ports?" as the Check page reads it: the DBA's answers (the error the clients see, the
 * last connection test) with what the diagnosis and the live pool hold, made into the evidence,
 * the reason each missing part was not read, and the one verdict from them.
 */
import type { Diagnosis } from '../../shared/diagnosis';
import type { PoolSample } from '../../shared/pool-sample';
import { figuresOf } from '../../shared/pool-trend';
import { portsOrMysql, type ClientError, type Evidence, type PortsVerdict } from '../../shared/ports-or-mysql';
import type { ProbeResult } from '../../shared/probe';
import { isIpAddress } from '../../shared/probe-target';

/** The last connection test, with the host and port it was asked for: netstat's rows are matched against them. */
export interface PortsTest {
  result: ProbeResult;
  host: string;
  port: number;
}

export interface PortsAnswers {
  clientError: ClientError;
  test: PortsTest | null;
}

/** Why each part of the evidence that is null was not read. */
export interface EvidenceReasons {
  share: string | undefined;
  timeWait: string | undefined;
  events: string | undefined;
}

export interface PortsCheck {
  evidence: Evidence;
  reasons: EvidenceReasons;
  /** The server the test reached, as the evidence names it. */
  target: string;
  verdict: PortsVerdict;
}

const STILL_READING = 'the diagnosis is still being read';

/** The latest live sample's share (IPv4), TIME_WAIT towards the server tested (by IP address only: netstat lists addresses), the events. */
export function portsCheck(
  { clientError, test }: PortsAnswers,
  diagnosis: Diagnosis | null,
  samples: readonly PoolSample[],
): PortsCheck {
  const byAddress = test !== null && isIpAddress(test.host);
  const remote = byAddress
    ? diagnosis?.tcp?.remotes.find((entry) => entry.address === test.host && entry.port === test.port)
    : undefined;
  const evidence: Evidence = {
    clientError,
    probe: test?.result ?? null,
    share: figuresOf(samples, 'ipv4')?.share ?? null,
    timeWaitToServer: byAddress && diagnosis?.tcp ? (remote?.timeWait ?? 0) : null,
    events: diagnosis?.events?.byId ?? null,
  };
  const latest = samples.at(-1);
  const reasons = {
    share: latest ? (latest.unavailable['dynamic.ipv4'] ?? latest.unavailable.tcp) : 'no live sample yet',
    timeWait: !test
      ? 'test the connection first'
      : !byAddress
        ? "netstat lists IP addresses: test the server's IP address to match its rows"
        : (diagnosis?.unavailable.tcp ?? STILL_READING),
    events: diagnosis?.unavailable.events ?? STILL_READING,
  };
  return { evidence, reasons, target: test?.result.target ?? 'the server', verdict: portsOrMysql(evidence) };
}
