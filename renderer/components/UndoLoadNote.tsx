import { Body1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { FAMILY_LABEL } from '../../shared/families';
import type { Diagnosis } from '../../shared/diagnosis';
import { heldOf } from '../../shared/pool-trend';
import { countText, rangeText } from '../../shared/port-text';
import { formatTime } from '../wizard/format';
import { undoLoad, undoLoadWarning, type Baseline } from '../wizard/undo-plan';
import { useTuner } from '../wizard/TunerContext';

/**
 * The ports held now against the pool undo leaves, from a live sample taken as the page opens:
 * undo under load can leave fewer ports than connections hold, and the DBA is told before.
 */
export function UndoLoadNote({ baseline, diagnosis }: { baseline: Baseline; diagnosis: Diagnosis | null }) {
  const { pool } = useTuner();
  const sampleNow = pool.sampleNow;
  // Only a sample asked for as the page opened says what is held now: an earlier one may predate the load.
  const [fresh, setFresh] = useState(false);
  useEffect(() => {
    let open = true;
    void sampleNow().then(() => open && setFresh(true));
    return () => {
      open = false;
    };
  }, [sampleNow]);
  const latest = fresh ? pool.samples.at(-1) : undefined;
  const tcp = latest?.tcp;
  const held = tcp ? { ipv4: heldOf(tcp.held.ipv4), ipv6: heldOf(tcp.held.ipv6) } : null;
  const [load] = undoLoad(baseline, held, {
    ipv4: diagnosis?.ports.excluded.ipv4 ?? null,
    ipv6: diagnosis?.ports.excluded.ipv6 ?? null,
  });
  if (!baseline.values.dynamicRange)
    return (
      <Body1>
        Ports held now against the pool after undo: not told, as the range before the change was not recorded.
      </Body1>
    );
  if (!load || !latest)
    return (
      <Body1>Ports held now: {latest ? 'not read, so undo cannot be weighed against the load' : 'reading…'}</Body1>
    );
  const warning = undoLoadWarning(load);
  const exclusions = load.exclusionsRead ? 'less the exclusions that stay' : 'exclusions not read, so at most';
  return (
    <>
      <Body1>
        Held now by outgoing connections: {countText(load.held)} ports ({FAMILY_LABEL[load.family]}, netstat at{' '}
        {formatTime(latest.at)}). Pool after undo: {countText(load.poolAfter)} ports ({rangeText(load.range)},{' '}
        {exclusions}).
      </Body1>
      {warning ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Undo under load</MessageBarTitle>
            {warning} Ports already held stay held until their connections close; new ones come only from the smaller
            pool.
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
