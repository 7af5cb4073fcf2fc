import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export-formats';
import { DEFAULT_DYNAMIC_RANGE, type PortRange } from '../../../shared/port-range';
import { PARAMETERS_KEY, SETTING_NAMES, perSetting, type PerSetting, type SettingName } from '../../../shared/settings';
import type { ChangeRequest } from '../change/change-kind';

export { EXPORT_FORMATS, type ExportFormat };

/** The change to carry to other servers, already validated. */
export interface ExportChange {
  registry: Partial<PerSetting<number>>;
  dynamicRange: PortRange | null;
}

/**
 * A change as apply takes it, for export; undo with nothing named removes every registry value
 * the tool sets. Reserved ports stay behind: they follow what listens on each host.
 */
export function exportChangeOf({ dynamicRange, reservePorts: _perHost, ...registry }: ChangeRequest, undo: boolean): ExportChange {
  const named = SETTING_NAMES.some((name) => registry[name] !== undefined);
  return {
    registry: undo && !named && !dynamicRange ? perSetting((_name, setting) => setting.recommended) : registry,
    dynamicRange: dynamicRange ?? null,
  };
}

export interface ExportOptions {
  /** The removal instead: the named values deleted (Windows' defaults), the range back to 49152-65535. */
  undo: boolean;
  generatedAt: Date;
  toolVersion: string;
}

/** What one export does, in the words every format's header uses. */
export function describeExport(change: ExportChange, { undo, generatedAt, toolVersion }: ExportOptions): string[] {
  const names = namedSettings(change);
  const range = change.dynamicRange;
  const what = undo
    ? [
        ...names.map((name) => `Deletes ${name} (Windows then uses its default)`),
        ...(range ? [`Sets the TCP dynamic port range back to ${DEFAULT_DYNAMIC_RANGE.start}-65535 (Windows' default)`] : []),
      ]
    : [
        ...names.map((name) => `Sets ${name} = ${change.registry[name]} (REG_DWORD)`),
        ...(range ? [`Sets the TCP dynamic port range to ${range.start}-${range.start + range.count - 1} (${range.count} ports), IPv4 and IPv6`] : []),
      ];
  return [
    `TCP Port Tuner ${toolVersion}, ${generatedAt.toISOString()}`,
    `Key: ${PARAMETERS_KEY}`,
    ...what,
    ...(names.length > 0 ? ['The registry values take effect after Windows restarts.'] : []),
  ];
}

/** The registry settings the export names, in catalogue order. */
export function namedSettings(change: ExportChange): SettingName[] {
  return SETTING_NAMES.filter((name) => change.registry[name] !== undefined);
}

export function hexDword(value: number): string {
  return value.toString(16).padStart(8, '0');
}
