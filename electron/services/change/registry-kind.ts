import { describeValue, isDword, sameState } from '../../../shared/registry-value';
import { SETTING_NAMES, perSetting, type PerSetting } from '../../../shared/settings';
import { agreesWithLive, exportSnapshot } from '../backup/backup';
import { TunerError } from '../errors';
import type { RegistryBackend } from '../registry/backend';
import { dwordPayload } from '../registry/reg-file';
import { importVerified, importWritten } from '../registry/verified-import';
import { differingSettings, valueStateOf, restoreFileFor } from '../registry/snapshot';
import type { ChangeKind } from './change-kind';
import { KIND_STATES } from './kind-states';

export type RegistryWanted = Partial<PerSetting<number>>;

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
        return value === undefined ? !sameState(readBack[name], valueStateOf(target[name])) : !isDword(readBack[name], value);
      });
      if (missed.length > 0) {
        const seen = missed.map((name) => `${name} reads ${describeValue(readBack[name])}`).join(', ');
        throw new TunerError('registry-failed', `The values did not read back as written: ${seen}.`);
      }
    },
    async restore(state) {
      await importWritten(backend, scratchFile('restore'), restoreFileFor(state));
      const off = differingSettings(await capture(), state);
      if (off.length > 0) throw new TunerError('registry-failed', `${off.join(' and ')} did not take the restored value.`);
    },
    async restoreFromFile(state, file) {
      await importVerified(backend, file, restoreFileFor(state));
      const live = await backend.readValues();
      const off = SETTING_NAMES.filter((name) => !agreesWithLive(valueStateOf(state[name]), live[name]));
      if (off.length > 0) throw new TunerError('registry-failed', `${off.join(' and ')} did not take the restored value.`);
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
