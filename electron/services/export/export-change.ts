import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export-formats';
import type { ProductKindId } from '../../../shared/kinds';
import { PARAMETERS_KEY, SETTING_NAMES, perSetting } from '../../../shared/settings';
import type { ChangeRequest } from '../change/change-kind';
import type { ExportChange, ExportOptions, FormatBodies, KindExport } from './export-kind';
import { DYNAMIC_RANGE_EXPORT } from './kinds/dynamic-range-export';
import { REGISTRY_EXPORT } from './kinds/registry-export';

export { EXPORT_FORMATS, type ExportFormat };
export type { ExportChange, ExportOptions, RegistryItem } from './export-kind';

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

/** One entry per product kind, in the order every format writes them, or null for one that does not travel: reserved ports follow what listens on each host. */
const KIND_EXPORTS: { readonly [K in ProductKindId]: KindExport | null } = {
  registry: REGISTRY_EXPORT,
  dynamicRange: DYNAMIC_RANGE_EXPORT,
  reservedPorts: null,
};
const EXPORTED = Object.values(KIND_EXPORTS).flatMap((kind) => kind ?? []);

/** Whether the export carries anything at all. */
export function namesAny(change: ExportChange): boolean {
  return EXPORTED.some((kind) => kind.named(change));
}

/** Why `format` cannot carry `change`, or null when it can: a kind the change names and the format has no body for. */
export function refusal(format: ExportFormat, change: ExportChange): string | null {
  for (const kind of EXPORTED) {
    const body = kind.formats[format];
    if (kind.named(change) && typeof body === 'string') return body;
  }
  return null;
}

/** Every kind's body in `format`, in table order, for the format's frame to write. */
export function bodiesIn<F extends ExportFormat>(format: F): FormatBodies[F][] {
  return EXPORTED.flatMap((kind) => {
    const body: FormatBodies[F] | string = kind.formats[format];
    return typeof body === 'string' ? [] : [body];
  });
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

export function hexDword(value: number): string {
  return value.toString(16).padStart(8, '0');
}
