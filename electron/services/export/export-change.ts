import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export-formats';
import type { ProductKindId } from '../../../shared/kinds';
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
export function exportChangeOf(
  { dynamicRange, reservePorts: _perHost, ...registry }: ChangeRequest,
  undo: boolean,
): ExportChange {
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

/** What a product kind is in an export: every format's header says it the same way; a format that cannot carry it refuses it. */
interface KindExport {
  /** Whether the export carries this kind's part of the change. */
  named(change: ExportChange): boolean;
  /** What the export does to it, one line each, in the header every format writes. */
  says(change: ExportChange, undo: boolean): string[];
  /** When it takes effect, where that needs saying. */
  effect: string | null;
  /** The formats that cannot carry it, and what they say instead. */
  refusedBy: Partial<Record<ExportFormat, string>>;
}

const NETSH_ONLY = '(it is set with netsh): export it as powershell or ansible, or leave it out.';

/** One entry per product kind, or null for one that does not travel: reserved ports follow what listens on each host. */
const KIND_EXPORTS: { readonly [K in ProductKindId]: KindExport | null } = {
  registry: {
    named: (change) => namedSettings(change).length > 0,
    says: (change, undo) =>
      namedSettings(change).map((name) =>
        undo
          ? `Deletes ${name} (Windows then uses its default)`
          : `Sets ${name} = ${change.registry[name]} (REG_DWORD)`,
      ),
    effect: 'The registry values take effect after Windows restarts.',
    refusedBy: {},
  },
  dynamicRange: {
    named: (change) => change.dynamicRange !== null,
    says: ({ dynamicRange: range }, undo) => {
      if (!range) return [];
      if (undo)
        return [`Sets the TCP dynamic port range back to ${DEFAULT_DYNAMIC_RANGE.start}-65535 (Windows' default)`];
      return [
        `Sets the TCP dynamic port range to ${range.start}-${range.start + range.count - 1} (${range.count} ports), IPv4 and IPv6`,
      ];
    },
    effect: null,
    refusedBy: {
      reg: `A .reg file cannot carry the dynamic port range ${NETSH_ONLY}`,
      gpo: `Group Policy Preferences cannot set the dynamic port range ${NETSH_ONLY}`,
    },
  },
  reservedPorts: null,
};
const EXPORTED = Object.values(KIND_EXPORTS).flatMap((kind) => kind ?? []);

/** Whether the export carries anything at all. */
export function namesAny(change: ExportChange): boolean {
  return EXPORTED.some((kind) => kind.named(change));
}

/** Why `format` cannot carry `change`, or null when it can. */
export function refusal(format: ExportFormat, change: ExportChange): string | null {
  return EXPORTED.find((kind) => kind.named(change) && kind.refusedBy[format])?.refusedBy[format] ?? null;
}

/** What one export does, in the words every format's header uses. */
export function describeExport(change: ExportChange, { undo, generatedAt, toolVersion }: ExportOptions): string[] {
  const named = EXPORTED.filter((kind) => kind.named(change));
  return [
    `TCP Port Tuner ${toolVersion}, ${generatedAt.toISOString()}`,
    `Key: ${PARAMETERS_KEY}`,
    ...named.flatMap((kind) => kind.says(change, undo)),
    ...named.flatMap((kind) => kind.effect ?? []),
  ];
}

/** The registry settings the export names, in catalogue order. */
export function namedSettings(change: ExportChange): SettingName[] {
  return SETTING_NAMES.filter((name) => change.registry[name] !== undefined);
}

export function hexDword(value: number): string {
  return value.toString(16).padStart(8, '0');
}
