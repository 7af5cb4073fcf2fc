import { FAMILIES } from '../../../shared/families';
import { LOWEST_HELD_START, type RangeState } from '../../../shared/kinds';
import { rangeWithMaxUserPort } from '../../../shared/port-pool';
import { describeValue, isDword, sameState, type ValueState } from '../../../shared/registry-value';
import { SETTING_NAMES, perSetting, type PerSetting } from '../../../shared/settings';
import { exportSnapshot } from '../backup/backup';
import { agreesWithLive } from '../backup/live-check';
import { TunerError } from '../errors';
import type { RegistryBackend } from '../registry/backend';
import { dwordPayload } from '../registry/reg-file';
import { importVerified, importWritten } from '../registry/verified-import';
import { differingSettings, valueStateOf, valueStatesOf, restoreFileFor } from '../registry/snapshot';
import type { ChangeKind, Reshape, RestartRule } from './change-kind';
import { KIND_STATES } from './kind-states';

export type RegistryWanted = Partial<PerSetting<number>>;

const dwordOf = (value: ValueState): number | undefined =>
  value.present && value.type === 'REG_DWORD' && typeof value.data === 'number' ? value.data : undefined;

/**
 * On Windows 11 and Server build images, MaxUserPort N makes the dynamic range start 1024,
 * count N - 1023 at the next restart (README). When this tool set that MaxUserPort, it is
 * still in force, and Windows restarted since, a range of exactly that shape is the tool's own
 * side effect: not someone else's change, and undo puts the range back without asking.
 */
function reshapeOf(
  maxUserPortWritten: ValueState,
  maxUserPortNow: ValueState,
  restartedSince: boolean,
  range: RangeState,
): Reshape | null {
  const maxUserPort = dwordOf(maxUserPortWritten);
  if (!restartedSince || maxUserPort === undefined || dwordOf(maxUserPortNow) !== maxUserPort) return null;
  const shaped = { start: LOWEST_HELD_START, count: maxUserPort - LOWEST_HELD_START + 1 };
  const families = FAMILIES.filter(
    (family) => range[family].start === shaped.start && range[family].count === shaped.count,
  );
  if (families.length === 0) return null;
  return {
    kind: 'dynamicRange',
    maxUserPort,
    range: shaped,
    families,
    message: `Windows widened the range to ${shaped.start}-${maxUserPort} because MaxUserPort is set to ${maxUserPort}. Set the range again, or remove MaxUserPort, to change that.`,
  };
}

/** MaxUserPort reshapes the dynamic range at the next restart, whatever netsh set. */
export const maxUserPortRule: RestartRule<RegistryWanted> = {
  reshapes: 'dynamicRange',
  reshapedBy: (wanted) => wanted.MaxUserPort !== undefined,
  since(written, current, restartedSince, registryNow) {
    const now = registryNow ?? (current.registry ? valueStatesOf(current.registry) : undefined);
    const range = current.dynamicRange;
    return range && now
      ? reshapeOf(valueStateOf(written.registry.MaxUserPort), now.MaxUserPort, restartedSince, range)
      : null;
  },
  rangeAtRestart(states) {
    const maxUserPort = dwordOf(valueStateOf(states.registry.MaxUserPort));
    return maxUserPort === undefined ? null : { range: rangeWithMaxUserPort(maxUserPort), why: 'MaxUserPort' };
  },
};

/**
 * The REG_DWORD settings under the Tcpip Parameters key. Restores go through `reg import` of
 * the exact exported payloads, so a REG_SZ comes back a REG_SZ and an absent value is deleted.
 */
export function registryKind(
  backend: RegistryBackend,
  scratchFile: (purpose: string) => string,
): ChangeKind<'registry', RegistryWanted> {
  const capture = () => exportSnapshot(backend, scratchFile('check'));
  return {
    ...KIND_STATES.registry,
    unrecorded: 'ours',
    effect: 'after-restart',
    putBackSentence: 'Both values were put back as they were.',
    atRestart: maxUserPortRule,
    wantedFrom(request) {
      const names = SETTING_NAMES.filter((name) => request[name] !== undefined);
      return names.length > 0 ? Object.fromEntries(names.map((name) => [name, request[name]])) : undefined;
    },
    capture,
    targetOf(prior, wanted) {
      return perSetting((name) => {
        const value = wanted[name];
        return value === undefined ? prior[name] : { present: true, payload: dwordPayload(value) };
      });
    },
    async write(wanted, target) {
      const named = SETTING_NAMES.flatMap((name) => {
        const value = wanted[name];
        return value === undefined ? [] : [{ name, value }];
      });
      // All writes at once (one wait instead of several); a failure is acted on only after all
      // have finished, so a rollback never races a write still under way.
      const writes = await Promise.allSettled(named.map(({ name, value }) => backend.setDword(name, value)));
      const failed = writes.find((write) => write.status === 'rejected');
      if (failed) throw failed.reason;
      // Every value against the whole target: the one left alone must still read as it was.
      const readBack = await backend.readValues();
      const missed = SETTING_NAMES.filter((name) => {
        const value = wanted[name];
        return value === undefined
          ? !sameState(readBack[name], valueStateOf(target[name]))
          : !isDword(readBack[name], value);
      });
      if (missed.length > 0) {
        const seen = missed.map((name) => `${name} reads ${describeValue(readBack[name])}`).join(', ');
        throw new TunerError('registry-failed', `The values did not read back as written: ${seen}.`);
      }
    },
    async restore(state) {
      await importWritten(backend, scratchFile('restore'), restoreFileFor(state));
      const off = differingSettings(await capture(), state);
      if (off.length > 0)
        throw new TunerError('registry-failed', `${off.join(' and ')} did not take the restored value.`);
    },
    async restoreFromFile(state, file) {
      await importVerified(backend, file, restoreFileFor(state));
      const live = await backend.readValues();
      const off = SETTING_NAMES.filter((name) => !agreesWithLive(valueStateOf(state[name]), live[name]));
      if (off.length > 0)
        throw new TunerError('registry-failed', `${off.join(' and ')} did not take the restored value.`);
    },
    slotName: (slot) => slot,
    parts(state) {
      return SETTING_NAMES.map((name) => {
        const value = state[name];
        return { name, slot: name, key: value.present ? value.payload : '-', text: describeValue(valueStateOf(value)) };
      });
    },
    // Its repair is a `reg import` of a backup's -restore.reg, which put-back.ts names with the file.
    repairs: () => [],
  };
}
