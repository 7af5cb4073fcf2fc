import assert from 'node:assert/strict';
import type { PerSetting, SettingName } from '../../shared/settings';
import type { ValueState } from '../../shared/registry-value';
import { TunerError } from '../../electron/services/errors';
import type { BackendName, RegistryBackend } from '../../electron/services/registry/backend';
import type { KeyTree } from '../../electron/services/registry/key-tree';

export type Call =
  'readValues' | 'readTree' | `setDword ${SettingName}` | `deleteValue ${SettingName}` | 'exportKey' | 'importFile';

/**
 * Which call breaks, counted from 0 after `arm`, and how: `throw` fails that call alone,
 * `throw-from` that call and every one after it (a registry that stops answering), and `lie`
 * reports success for a write that left another value than asked, as a racing program might.
 */
export type Fault = { at: number; mode: 'throw' | 'throw-from' | 'lie' };

/** Wine's real backend, counting its calls and breaking the one the armed fault names. */
export class FaultyBackend implements RegistryBackend {
  readonly name: BackendName = 'reg';
  calls: Call[] = [];
  private fault: Fault | null = null;

  constructor(private readonly inner: RegistryBackend) {}

  arm(fault: Fault | null): void {
    this.fault = fault;
    this.calls = [];
  }

  readValues(): Promise<PerSetting<ValueState>> {
    return this.step('readValues', () => this.inner.readValues());
  }

  readTree(): Promise<KeyTree> {
    return this.step('readTree', () => this.inner.readTree());
  }

  setDword(name: SettingName, value: number): Promise<void> {
    return this.step(
      `setDword ${name}`,
      () => this.inner.setDword(name, value),
      () => this.inner.setDword(name, value - 1),
    );
  }

  deleteValue(name: SettingName): Promise<void> {
    return this.step(`deleteValue ${name}`, () => this.inner.deleteValue(name));
  }

  exportKey(file: string): Promise<void> {
    return this.step('exportKey', () => this.inner.exportKey(file));
  }

  importFile(file: string): Promise<void> {
    return this.step(
      'importFile',
      () => this.inner.importFile(file),
      async () => {
        await this.inner.importFile(file);
        await this.inner.setDword('MaxUserPort', 12345);
      },
    );
  }

  private async step<T>(call: Call, real: () => Promise<T>, lie?: () => Promise<T>): Promise<T> {
    this.calls.push(call);
    const index = this.calls.length - 1;
    const fault = this.fault;
    const hit = fault && (fault.mode === 'throw-from' ? index >= fault.at : index === fault.at);
    if (!hit) return real();
    if (fault.mode === 'lie') {
      assert.ok(lie, `${call} is not a write: there is nothing to lie about`);
      return lie();
    }
    throw new TunerError('registry-failed', `Injected failure of ${call} at step ${index}.`);
  }
}
