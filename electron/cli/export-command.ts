import type { ExportFormat } from '../services/export/export-change';
import { exportFor, exportText, writeExportFile } from '../services/export/export-service';
import type { CliArgs } from './args';

/**
 * `export`: the change for other servers' engines, written atomically to --out or to stdout.
 * It touches neither the registry nor the journal, so it needs no Wine and no rights.
 */
export async function runExport(
  args: CliArgs & { format: ExportFormat },
): Promise<{ json: unknown; text: string | Buffer }> {
  const { content, suggestedName } = exportFor(args);
  if (!args.out) {
    return { json: { format: args.format, suggestedName, content: exportText(args.format, content) }, text: content };
  }
  await writeExportFile(args.out, content, { force: args.force });
  return {
    json: { format: args.format, file: args.out, bytes: content.length },
    text: `Wrote ${args.out} (${args.format}, ${content.length} bytes).`,
  };
}
