import { Body1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { Evidence, PortsVerdict } from '../../shared/ports-or-mysql';
import { shareText } from '../../shared/pool-trend';
import { countText } from '../../shared/port-text';
import { notRead } from '../wizard/not-read';
import type { EvidenceReasons } from '../wizard/ports-evidence';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const INTENT = { ports: 'warning', mysql: 'warning', network: 'warning', calm: 'success', unknown: 'info' } as const;

/** The verdict first, then each piece of evidence with its source, or why it was not read. */
export function PortsOrMysqlVerdict({
  verdict,
  evidence,
  target,
  reasons,
}: {
  verdict: PortsVerdict;
  evidence: Evidence;
  target: string;
  reasons: EvidenceReasons;
}) {
  const styles = useStyles();
  const { probe, share, timeWaitToServer, events } = evidence;
  return (
    <>
      <div role="group" aria-label="Is it the ports? Verdict">
        <MessageBar intent={INTENT[verdict.kind]} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{verdict.title}</MessageBarTitle>
            {verdict.next}
          </MessageBarBody>
        </MessageBar>
      </div>
      <Body1>The evidence:</Body1>
      <ul className={styles.list} aria-label="The evidence">
        <li>
          Test of {target}: {probe ? `${probe.class}, ${probe.message} (${probe.milliseconds} ms)` : 'not run yet'}
        </li>
        <li>
          Pool held: {share === null ? notRead(reasons.share) : `${shareText(share)} (live sample, netstat and netsh)`}
        </li>
        <li>
          TIME_WAIT towards {target}:{' '}
          {timeWaitToServer === null ? notRead(reasons.timeWait) : `${countText(timeWaitToServer)} (netstat)`}
        </li>
        <li>
          Tcpip events 4227 (a local port reused too soon) / 4231 (no ephemeral port left):{' '}
          {events === null
            ? notRead(reasons.events)
            : `${countText(events[4227])} / ${countText(events[4231])} in the last 7 days (System log)`}
        </li>
      </ul>
    </>
  );
}
