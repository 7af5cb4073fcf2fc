/**
 * The catalogue of what the tool may change. Everything per-setting (the contract's schemas,
 * the wizard's fields, the CLI's options and usage, the journal's records) is built from it.
 */

/** The registry key that holds the registry settings. Nothing outside it is ever written. */
export const PARAMETERS_KEY = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters';

export const SETTING_NAMES = ['MaxUserPort', 'TcpTimedWaitDelay'] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

/** A REG_DWORD value under PARAMETERS_KEY: Windows reads it only when it starts. */
export interface DwordSetting {
  readonly kind: 'registry-dword';
  readonly name: SettingName;
  /** The CLI option that sets it. */
  readonly option: string;
  readonly min: number;
  readonly max: number;
  /** What Windows uses when the value is absent, and where that number comes from. */
  readonly windowsDefault: number;
  readonly defaultSource: string;
  readonly recommended: number;
  readonly unit: 'port' | 'seconds';
  readonly summary: string;
}

export const SETTINGS: Readonly<Record<SettingName, DwordSetting>> = {
  MaxUserPort: {
    kind: 'registry-dword',
    name: 'MaxUserPort',
    option: 'max-user-port',
    min: 5000,
    max: 65534,
    windowsDefault: 5000,
    defaultSource: 'Windows Server 2003 and older',
    recommended: 65534,
    unit: 'port',
    summary: 'Highest port number Windows hands out for outgoing connections.',
  },
  TcpTimedWaitDelay: {
    kind: 'registry-dword',
    name: 'TcpTimedWaitDelay',
    option: 'tcp-timed-wait-delay',
    min: 30,
    max: 300,
    windowsDefault: 120,
    defaultSource: 'Microsoft TCP/IP documentation; Server 2003 documented 240',
    recommended: 30,
    unit: 'seconds',
    summary: 'Seconds a closed connection keeps its port in TIME_WAIT before the port can be reused.',
  },
};

/** One value per setting. */
export type PerSetting<T> = { [K in SettingName]: T };

/** Builds one value for every setting, in catalogue order. */
export function perSetting<T>(make: (name: SettingName, setting: DwordSetting) => T): PerSetting<T> {
  return Object.fromEntries(SETTING_NAMES.map((name) => [name, make(name, SETTINGS[name])])) as PerSetting<T>;
}

/** The setting a registry value name stands for, ignoring letter case as Windows does. */
export function settingNamed(name: string): SettingName | undefined {
  const lower = name.toLowerCase();
  return SETTING_NAMES.find((setting) => setting.toLowerCase() === lower);
}

/** Picks each setting's entry out of (value name, item) pairs, ignoring letter case; the first match wins. */
export function pickSettings<T>(entries: Iterable<readonly [string, T]>): Partial<PerSetting<T>> {
  const found: Partial<PerSetting<T>> = {};
  for (const [valueName, item] of entries) {
    const name = settingNamed(valueName);
    if (name && !(name in found)) found[name] = item;
  }
  return found;
}
