import type { Status, Unfinished } from '../../../shared/contract';
import type { ValueState } from '../../../shared/registry-value';
import type { PerSetting } from '../../../shared/settings';
import { messageOf } from '../errors';
import { valueStatesOf } from '../registry/snapshot';
import { registryChanges } from '../change-service-reports';
import type { SomeStates } from './change-kind';
import { driftOf } from './drift';
import type { JournalData } from './journal';
import { partsOff, put, type KindOps } from './kind-ops';

type Readings = { current: SomeStates; notRead: Unfinished['notRead'] };

/** The netsh kinds of `states` as they read now, each read twice (KindOps.read); one that cannot be read is "not read", with the reason. */
async function readNetsh(ops: KindOps, states: SomeStates): Promise<Readings> {
  const current: SomeStates = {};
  const notRead: Readings['notRead'] = [];
  for (const kind of ops.in(states)) {
    if (kind.inBackup) continue;
    const state = await ops.read(kind, states[kind.id]).catch((error: unknown) => {
      notRead.push({ kind: kind.id, reason: messageOf(error) });
      return undefined;
    });
    put(current, kind, state);
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
  ops: KindOps,
  record: JournalData,
  values: PerSetting<ValueState>,
  restartedSince: boolean,
): Promise<Pick<Status, 'outsideChanges' | 'notRead' | 'rangeReshape' | 'unfinished'>> {
  const unfinished = record.pending ? await unfinishedOf(ops, record.pending, values) : null;
  const written = record.lastWritten;
  if (!written) return { outsideChanges: [], notRead: [], rangeReshape: null, unfinished };
  const { current, notRead } = await readNetsh(ops, written);
  const { conflicts, reshape } = driftOf(ops, written, current, restartedSince, values);
  const outsideChanges = [
    ...registryChanges(valueStatesOf(written.registry), values),
    ...conflicts.map(({ kind, name, was, now }) => ({ kind, name, was, now })),
  ];
  return {
    outsideChanges,
    notRead,
    rangeReshape: reshape && { maxUserPort: reshape.maxUserPort, range: reshape.range, message: reshape.message },
    unfinished,
  };
}

async function unfinishedOf(
  ops: KindOps,
  pending: NonNullable<JournalData['pending']>,
  values: PerSetting<ValueState>,
): Promise<Unfinished> {
  const { prior } = pending;
  const { current, notRead } = await readNetsh(ops, prior);
  const parts = [
    ...registryChanges(valueStatesOf(prior.registry), values).map(({ kind, name, was, now }) => ({
      kind,
      name,
      prior: was,
      now,
    })),
    ...ops
      .in(current)
      .flatMap((kind) =>
        partsOff(kind, current, prior).map(({ name, was, now }) => ({ kind: kind.id, name, prior: was, now })),
      ),
  ];
  return { operation: pending.operation, startedAt: pending.startedAt, parts, notRead };
}
