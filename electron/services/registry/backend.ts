import type { PerSetting, SettingName } from '../../../shared/settings';
import type { ValueState } from '../../../shared/registry-value';
import type { KeyTree } from './key-tree';

export type BackendName = 'reg' | 'regedit';

/**
 * Everything the product does to the registry, all of it on the Tcpip Parameters key. Writes
 * take a SettingName, so no other value can be named.
 */
export interface RegistryBackend {
  readonly name: BackendName;
  readValues(): Promise<PerSetting<ValueState>>;
  /** The key with every subkey and value, to prove a backup holds all of it. */
  readTree(): Promise<KeyTree>;
  setDword(name: SettingName, value: number): Promise<void>;
  deleteValue(name: SettingName): Promise<void>;
  exportKey(file: string): Promise<void>;
  importFile(file: string): Promise<void>;
}
