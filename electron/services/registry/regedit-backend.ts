import { PARAMETERS_KEY, SETTING_NAMES, type PerSetting, type SettingName } from '../../../shared/settings';
import { REG_TYPES, type RegType, type ValueState } from '../../../shared/registry-value';
import { TunerError } from '../errors';
import type { RegistryBackend } from './backend';
import type { KeyTree } from './key-tree';

/**
 * Points regedit at its VBScript files outside app.asar. The package answers a missing folder
 * with the string "Folder not found" instead of throwing: false then, and reg.exe does the work.
 */
export function useScriptFolder(regedit: { setExternalVBSLocation(folder: string): string }, folder: string): boolean {
  return regedit.setExternalVBSLocation(folder) !== 'Folder not found';
}

/** The part of the `regedit` package this backend uses, so tests can stand in for it. */
export interface RegeditModule {
  promisified: {
    list(
      keys: readonly string[],
    ): Promise<Record<string, { exists: boolean; values: Record<string, { type: string; value: unknown }> }>>;
    putValue(map: Record<string, Record<string, { type: 'REG_DWORD'; value: number }>>): Promise<void>;
  };
  deleteValue(keys: readonly string[], callback: (error?: Error) => void): void;
}

/**
 * Reads and writes through the `regedit` package (Windows Script Host and WMI). It has no
 * `.reg` export or import, so those go to reg.exe.
 */
export class RegeditBackend implements RegistryBackend {
  readonly name = 'regedit';

  constructor(
    private readonly regedit: RegeditModule,
    private readonly regExe: Pick<RegistryBackend, 'exportKey' | 'importFile' | 'readTree'>,
  ) {}

  async readValues(): Promise<PerSetting<ValueState>> {
    const listed = await this.call('read the registry key', () => this.regedit.promisified.list([PARAMETERS_KEY]));
    const values = listed[PARAMETERS_KEY]?.values ?? {};
    const byName = new Map(Object.entries(values).map(([name, value]) => [name.toLowerCase(), value]));
    const pick = (name: SettingName): ValueState => {
      const value = byName.get(name.toLowerCase());
      return value ? toValueState(value.type, value.value) : { present: false };
    };
    return Object.fromEntries(SETTING_NAMES.map((name) => [name, pick(name)])) as PerSetting<ValueState>;
  }

  async setDword(name: SettingName, value: number): Promise<void> {
    await this.call(`write ${name}`, () =>
      this.regedit.promisified.putValue({ [PARAMETERS_KEY]: { [name]: { type: 'REG_DWORD', value } } }),
    );
  }

  async deleteValue(name: SettingName): Promise<void> {
    await this.call(
      `delete ${name}`,
      () =>
        new Promise<void>((resolve, reject) =>
          this.regedit.deleteValue([`${PARAMETERS_KEY}\\${name}`], (error) => (error ? reject(error) : resolve())),
        ),
    );
  }

  /** Compared with reg.exe's own export, so read by reg.exe too. */
  readTree(): Promise<KeyTree> {
    return this.regExe.readTree();
  }

  exportKey(file: string): Promise<void> {
    return this.regExe.exportKey(file);
  }

  importFile(file: string): Promise<void> {
    return this.regExe.importFile(file);
  }

  private async call<T>(what: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (isScriptHostUnavailable(error)) throw error;
      const code = (error as { code?: unknown }).code;
      if (code === 5)
        throw new TunerError('not-permitted', `Could not ${what}: access is denied. Run as administrator.`);
      throw new TunerError('registry-failed', `Could not ${what}: ${(error as Error).message}.`);
    }
  }
}

/** cscript.exe missing, Windows Script Host disabled by policy, or VBScript removed. */
export function isScriptHostUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || /cscript not found|windows script host|script engine|vbscript/i.test(error.message);
}

function toValueState(type: string, value: unknown): ValueState {
  const regType: RegType = (REG_TYPES as readonly string[]).includes(type) ? (type as RegType) : 'REG_NONE';
  if (regType === 'REG_DWORD' && typeof value === 'number') return { present: true, type: regType, data: value };
  if (typeof value === 'string') return { present: true, type: regType, data: value };
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return { present: true, type: regType, data: value };
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'number')) {
    return { present: true, type: regType, data: Buffer.from(value).toString('hex') };
  }
  if (typeof value === 'number') return { present: true, type: regType, data: String(value) };
  return { present: true, type: regType };
}
