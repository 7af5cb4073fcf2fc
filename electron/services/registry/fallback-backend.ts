import type { PerSetting, SettingName } from '../../../shared/settings';
import type { ValueState } from '../../../shared/registry-value';
import { TunerError } from '../errors';
import type { BackendName, RegistryBackend } from './backend';
import type { KeyTree } from './key-tree';

/**
 * Any failure but a refusal of access, which reg.exe would meet as well. Told by the error's kind
 * (regedit's code 5), never by its words: cscript and WMI speak the display language.
 */
function notRefused(error: unknown): boolean {
  return !(error instanceof TunerError && error.kind === 'not-permitted');
}

/**
 * Uses the preferred backend until it fails in a way `switches` names (in production: any way
 * but a refusal of access), then the fallback for that call and every call after it. `name` is
 * the backend that answers now.
 */
export class FallbackBackend implements RegistryBackend {
  private active: RegistryBackend;

  constructor(
    preferred: RegistryBackend,
    private readonly fallback: RegistryBackend,
    private readonly switches: (error: unknown) => boolean = notRefused,
  ) {
    this.active = preferred;
  }

  get name(): BackendName {
    return this.active.name;
  }

  readValues(): Promise<PerSetting<ValueState>> {
    return this.use((backend) => backend.readValues());
  }

  readTree(): Promise<KeyTree> {
    return this.use((backend) => backend.readTree());
  }

  setDword(name: SettingName, value: number): Promise<void> {
    return this.use((backend) => backend.setDword(name, value));
  }

  deleteValue(name: SettingName): Promise<void> {
    return this.use((backend) => backend.deleteValue(name));
  }

  exportKey(file: string): Promise<void> {
    return this.use((backend) => backend.exportKey(file));
  }

  importFile(file: string): Promise<void> {
    return this.use((backend) => backend.importFile(file));
  }

  private async use<T>(operation: (backend: RegistryBackend) => Promise<T>): Promise<T> {
    try {
      return await operation(this.active);
    } catch (error) {
      if (this.active === this.fallback || !this.switches(error)) throw error;
      this.active = this.fallback;
      return operation(this.active);
    }
  }
}
