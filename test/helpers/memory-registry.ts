import { readFile, writeFile } from 'node:fs/promises';
import {
  PARAMETERS_KEY,
  SETTING_NAMES,
  perSetting,
  pickSettings,
  type PerSetting,
  type SettingName,
} from '../../shared/settings';
import type { ValueState } from '../../shared/registry-value';
import { TunerError } from '../../electron/services/errors';
import type { RegistryBackend } from '../../electron/services/registry/backend';
import { treeOfRegFile, type KeyTree } from '../../electron/services/registry/key-tree';
import {
  buildRegFile,
  decodeRegFile,
  dwordPayload,
  parseRegFile,
  valuesOfKey,
} from '../../electron/services/registry/reg-file';
import { valueStatesOf, type ExactValue } from '../../electron/services/registry/snapshot';

export type MemoryCall =
  'readValues' | 'readTree' | 'exportKey' | 'importFile' | `setDword ${SettingName}` | `deleteValue ${SettingName}`;

/**
 * The Parameters key in memory, speaking real `.reg` files on export and import, so the change
 * engine's rollback, undo and settling can be tested in milliseconds. The Wine suites remain the
 * proof against a real registry.
 */
export class MemoryRegistry implements RegistryBackend {
  readonly name = 'reg';
  values: PerSetting<ExactValue> = perSetting(() => ({ present: false }));
  readonly calls: MemoryCall[] = [];
  /** Calls that fail (once each) with a registry error, as a broken reg.exe would. */
  readonly failing = new Set<MemoryCall>();
  /** Runs after a call has taken effect: where a test changes things "from outside" or stops the process. */
  afterCall: ((call: MemoryCall) => void) | undefined;

  set(name: SettingName, payload: string | null): void {
    this.values[name] = payload === null ? { present: false } : { present: true, payload };
  }

  async readValues(): Promise<PerSetting<ValueState>> {
    this.enter('readValues');
    return this.leave('readValues', valueStatesOf(this.values));
  }

  async setDword(name: SettingName, value: number): Promise<void> {
    this.enter(`setDword ${name}`);
    this.set(name, dwordPayload(value));
    this.leave(`setDword ${name}`, undefined);
  }

  async deleteValue(name: SettingName): Promise<void> {
    this.enter(`deleteValue ${name}`);
    this.set(name, null);
    this.leave(`deleteValue ${name}`, undefined);
  }

  async exportKey(file: string): Promise<void> {
    this.enter('exportKey');
    await writeFile(file, this.exported());
    this.leave('exportKey', undefined);
  }

  /** The key as its export lists it: one more value, no subkeys. */
  async readTree(): Promise<KeyTree> {
    this.enter('readTree');
    return this.leave('readTree', treeOfRegFile(parseRegFile(decodeRegFile(this.exported()))!));
  }

  private exported(): Buffer {
    const present = SETTING_NAMES.flatMap((name) => {
      const value = this.values[name];
      return value.present ? [[name, value.payload] as const] : [];
    });
    return buildRegFile(PARAMETERS_KEY, [['Hostname', '"db-client-01"'], ...present]);
  }

  async importFile(file: string): Promise<void> {
    this.enter('importFile');
    const parsed = parseRegFile(decodeRegFile(await readFile(file)));
    const values = parsed && valuesOfKey(parsed, PARAMETERS_KEY);
    if (!values) throw new TunerError('registry-failed', `${file} is not a registry file.`);
    const found = pickSettings(values);
    for (const name of SETTING_NAMES) {
      const payload = found[name];
      if (payload !== undefined) this.set(name, payload === '-' ? null : payload);
    }
    this.leave('importFile', undefined);
  }

  private enter(call: MemoryCall): void {
    this.calls.push(call);
    if (this.failing.delete(call)) throw new TunerError('registry-failed', `Injected failure of ${call}.`);
  }

  private leave<T>(call: MemoryCall, result: T): T {
    this.afterCall?.(call);
    return result;
  }
}
