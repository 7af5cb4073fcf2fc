import type { PerSetting, SettingName } from '../../../shared/settings';
import type { ValueState } from '../../../shared/registry-value';
import type { BackendName, RegistryBackend } from './backend';

/**
 * Uses the preferred backend until it reports that it cannot run at all (for example Windows
 * Script Host disabled), then the fallback for that call and every call after it.
 */
export class FallbackBackend implements RegistryBackend {
  private active: RegistryBackend;

  constructor(
    preferred: RegistryBackend,
    private readonly fallback: RegistryBackend,
    private readonly cannotRun: (error: unknown) => boolean,
  ) {
    this.active = preferred;
  }

  get name(): BackendName {
    return this.active.name;
  }

  readValues(): Promise<PerSetting<ValueState>> {
    return this.use((backend) => backend.readValues());
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
      if (this.active === this.fallback || !this.cannotRun(error)) throw error;
      this.active = this.fallback;
      return operation(this.active);
    }
  }
}
