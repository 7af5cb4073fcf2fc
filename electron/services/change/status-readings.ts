import type { Status, Unfinished } from '../../../shared/contract';
import type { ValueState } from '../../../shared/registry-value';
import type { PerSetting } from '../../../shared/settings';
import { messageOf } from '../errors';
import { valueStatesOf } from '../registry/snapshot';
import { registryChanges } from '../change-service-reports';
import type { ChangeEngine, States } from './change-engine';
import type { JournalData } from './journal';
import { differingParts } from './setting-kind';

type Readings = { current: States; notRead: Unfinished['notRead'] };

/** The netsh kinds of `states` as they read now, each read twice (ChangeEngine.read); one that cannot be read is "not read", with the reason. */
async function readNetsh(engine: ChangeEngine, states: States): Promise<Readings> {
  const current: States = {};
  const notRead: Readings['notRead'] = [];
  for (const kind of engine.kindsIn(states)) {
    if (kind.inBackup) continue;
    current[kind.id] = await engine.read(kind, states[kind.id]).catch((error: unknown) => {
      notRead.push({ kind: kind.id, reason: messageOf(error) });
      return undefined;
    });
  }
  return { current, notRead };
}

/**
 * What status says about this tool's own changes, reading and never writing: every kind it last
 * wrote against what it reads now (the registry from the values just read), and a change a
 * crash left half-done, part by part against the state before it. Settling is left to apply,
 * undo and the wizard's start.
 */
export async function statusReadings(
  engine: ChangeEngine,
  record: JournalData,
  values: PerSetting<ValueState>,
  restartedSince: boolean,
): Promise<Pick<Status, 'outsideChanges' | 'notRead' | 'rangeReshape' | 'unfinished'>> {
  const unfinished = record.pending ? await unfinishedOf(engine, record.pending, values) : null;
  const written = record.lastWritten;
  if (!written) return { outsideChanges: [], notRead: [], rangeReshape: null, unfinished };
  const { current, notRead } = await readNetsh(engine, written);
  const { conflicts, reshape } = engine.drift(written, current, restartedSince, values);
  const outsideChanges = [...registryChanges(valueStatesOf(written.registry), values), ...conflicts.map(({ kind, name, was, now }) => ({ kind, name, was, now }))];
  return { outsideChanges, notRead, rangeReshape: reshape && { maxUserPort: reshape.maxUserPort, range: reshape.range, message: reshape.message }, unfinished };
}

async function unfinishedOf(engine: ChangeEngine, pending: NonNullable<JournalData['pending']>, values: PerSetting<ValueState>): Promise<Unfinished> {
  const prior = pending.prior as States;
  const { current, notRead } = await readNetsh(engine, prior);
  const parts = [
    ...registryChanges(valueStatesOf(pending.prior.registry), values).map(({ kind, name, was, now }) => ({ kind, name, prior: was, now })),
    ...engine
      .kindsIn(current)
      .flatMap((kind) => differingParts(kind, current[kind.id], prior[kind.id]).map(({ name, was, now }) => ({ kind: kind.id, name, prior: was, now }))),
  ];
  return { operation: pending.operation, startedAt: pending.startedAt, parts, notRead };
}
