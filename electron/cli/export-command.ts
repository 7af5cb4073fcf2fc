import { version } from '../../package.json';
import { perSetting, SETTING_NAMES } from '../../shared/settings';
import { decodeRegFile } from '../services/registry/reg-file';
import type { ExportChange, ExportFormat } from '../services/export/export-change';
import { renderExport, writeExportFile } from '../services/export/export-service';
import type { CliArgs } from './args';

/**
 * `export`: the change for other servers' engines, written atomically to --out or to stdout.
 * It touches neither the registry nor the journal, so it needs no Wine and no rights.
 */
export async function runExport(args: CliArgs & { format: ExportFormat }): Promise<{ json: unknown; text: string | Buffer }> {
  const { dynamicRange, ...registry } = args.change;
  const named = SETTING_NAMES.some((name) => registry[name] !== undefined);
  const change: ExportChange = {
    // Undo with nothing named removes every registry value the tool sets.
    registry: args.undo && !named && !dynamicRange ? perSetting((_name, setting) => setting.recommended) : registry,
    dynamicRange: dynamicRange ?? null,
  };
  const { content, suggestedName } = renderExport(args.format, change, { undo: args.undo, generatedAt: new Date(), toolVersion: version });
  if (!args.out) {
    const text = args.format === 'reg' ? decodeRegFile(content) : content.toString('utf8');
    return { json: { format: args.format, suggestedName, content: text }, text: content };
  }
  await writeExportFile(args.out, content, { force: args.force });
  return { json: { format: args.format, file: args.out, bytes: content.length }, text: `Wrote ${args.out} (${args.format}, ${content.length} bytes).` };
}
