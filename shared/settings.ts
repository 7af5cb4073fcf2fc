/** The registry key that holds both settings. Nothing outside it is ever written. */
export const PARAMETERS_KEY = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters';

export const SETTING_NAMES = ['MaxUserPort', 'TcpTimedWaitDelay'] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

export interface Setting {
  readonly name: SettingName;
  readonly min: number;
  readonly max: number;
  /** What Windows uses when the value is absent. */
  readonly windowsDefault: number;
  readonly recommended: number;
  readonly unit: 'port' | 'seconds';
  readonly summary: string;
}

export const SETTINGS: Readonly<Record<SettingName, Setting>> = {
  MaxUserPort: {
    name: 'MaxUserPort',
    min: 5000,
    max: 65534,
    windowsDefault: 5000,
    recommended: 65534,
    unit: 'port',
    summary: 'Highest port number Windows hands out for outgoing connections.',
  },
  TcpTimedWaitDelay: {
    name: 'TcpTimedWaitDelay',
    min: 30,
    max: 300,
    windowsDefault: 120,
    recommended: 30,
    unit: 'seconds',
    summary: 'Seconds a closed connection keeps its port in TIME_WAIT before the port can be reused.',
  },
};

/** A pair of values, one per setting. */
export type PerSetting<T> = { [K in SettingName]: T };
