import { link, lstat, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileSystemReason } from '../backup/backup-folder';
import { errnoOf, TunerError } from '../errors';
import { notAFile, NotPlainError, writeNewPlain } from '../host/safe-file';
import { ansiblePlaybook } from './ansible-format';
import { version } from '../../../package.json';
import type { ChangeRequest } from '../change/change-kind';
import { decodeRegFile } from '../registry/reg-file';
import {
  exportChangeOf,
  namesAny,
  refusal,
  type ExportChange,
  type ExportFormat,
  type ExportOptions,
} from './export-change';
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
export function renderExport(
  format: ExportFormat,
  change: ExportChange,
  options: ExportOptions,
): { content: Buffer; suggestedName: string } {
  if (!namesAny(change))
    throw new TunerError('invalid-input', 'Nothing to export: choose at least one value. No file was written.');
  const refused = refusal(format, change);
  if (refused) throw new TunerError('invalid-input', refused);
  const name = NAMES[format];
  return {
    content: RENDER[format](change, options),
    suggestedName: options.undo ? name.replace(/(\.\w+)$/, '-undo$1') : name,
  };
}

/**
 * Writes whole or not at all: into a temporary folder beside the target, under the target's own
 * name (so any name that fits there fits here), then into place. An existing file is replaced
 * only with `force`; without it, link(2) refuses atomically. Only a file or a link (itself,
 * never what it points to) is ever replaced: a folder, a named pipe or a device is refused
 * (exit 7) before anything is written.
 */
export async function writeExportFile(file: string, content: Buffer, { force }: { force: boolean }): Promise<void> {
  const found = await lstat(file).catch(() => null);
  const named = found && !found.isSymbolicLink() && notAFile(found);
  if (named) throw new NotPlainError(file, named);
  if (found && !force) throw exists(file);
  let folder: string | undefined;
  try {
    folder = await mkdtemp(path.join(path.dirname(file), '.tcp-port-tuner-'));
    const temporary = path.join(folder, path.basename(file));
    await writeNewPlain(temporary, content);
    if (force) await rename(temporary, file);
    else await link(temporary, file);
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') throw exists(file);
    throw new TunerError(
      'write-failed',
      `Could not write the export ${file}: ${fileSystemReason(error)}. Nothing was written.`,
    );
  } finally {
    // Cleaning up must never hide why the write failed.
    if (folder) await rm(folder, { recursive: true, force: true }).catch(() => undefined);
  }
}

function exists(file: string): TunerError {
  return new TunerError('invalid-input', `${file} exists already. Nothing was written; use --force to replace it.`);
}

/** The export the wizard or the CLI asked for, from the validated change: on the main side, never in the page. */
export function exportFor(request: { format: ExportFormat; undo: boolean; change: ChangeRequest }): {
  content: Buffer;
  suggestedName: string;
} {
  return renderExport(request.format, exportChangeOf(request.change, request.undo), {
    undo: request.undo,
    generatedAt: new Date(),
    toolVersion: version,
  });
}

/** What a person reads: the .reg text decoded from its UTF-16LE. */
export function exportText(format: ExportFormat, content: Buffer): string {
  return format === 'reg' ? decodeRegFile(content) : content.toString('utf8');
}
