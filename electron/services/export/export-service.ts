import { randomBytes } from 'node:crypto';
import { link, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileSystemReason } from '../backup/backup-folder';
import { errnoOf, TunerError } from '../errors';
import { ansiblePlaybook } from './ansible-format';
import { version } from '../../../package.json';
import type { ChangeRequest } from '../change/setting-kind';
import { decodeRegFile } from '../registry/reg-file';
import { exportChangeOf, namedSettings, type ExportChange, type ExportFormat, type ExportOptions } from './export-change';
import { gpoRegistryXml } from './gpo-format';
import { powershellScript } from './powershell-format';
import { regFile } from './reg-format';

const RENDER: Record<ExportFormat, (change: ExportChange, options: ExportOptions) => Buffer> = {
  reg: regFile,
  powershell: powershellScript,
  ansible: ansiblePlaybook,
  gpo: gpoRegistryXml,
};
const NAMES: Record<ExportFormat, string> = {
  reg: 'tcp-port-tuner.reg',
  powershell: 'tcp-port-tuner.ps1',
  ansible: 'tcp-port-tuner.yml',
  gpo: 'Registry.xml',
};

/** The same change for another engine, straight from the values chosen: no remote agent of its own. */
export function renderExport(format: ExportFormat, change: ExportChange, options: ExportOptions): { content: Buffer; suggestedName: string } {
  if (namedSettings(change).length === 0 && !change.dynamicRange) {
    throw new TunerError('invalid-input', 'Nothing to export: choose at least one value. No file was written.');
  }
  const name = NAMES[format];
  return { content: RENDER[format](change, options), suggestedName: options.undo ? name.replace(/(\.\w+)$/, '-undo$1') : name };
}

/**
 * Writes whole or not at all: to a temporary file beside the target, then into place. An
 * existing file is replaced only with `force`; without it, link(2) refuses atomically.
 */
export async function writeExportFile(file: string, content: Buffer, { force }: { force: boolean }): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    if (force) await rename(temporary, file);
    else await link(temporary, file);
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') throw new TunerError('invalid-input', `${file} exists already. Nothing was written; use --force to replace it.`);
    throw new TunerError('backup-failed', `Could not write ${file}: ${fileSystemReason(error)}. Nothing was written.`);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** The export the wizard or the CLI asked for, from the validated change: on the main side, never in the page. */
export function exportFor(request: { format: ExportFormat; undo: boolean; change: ChangeRequest }): { content: Buffer; suggestedName: string } {
  return renderExport(request.format, exportChangeOf(request.change, request.undo), { undo: request.undo, generatedAt: new Date(), toolVersion: version });
}

/** What a person reads: the .reg text decoded from its UTF-16LE. */
export function exportText(format: ExportFormat, content: Buffer): string {
  return format === 'reg' ? decodeRegFile(content) : content.toString('utf8');
}
