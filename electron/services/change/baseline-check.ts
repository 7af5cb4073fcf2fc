import { readFile } from 'node:fs/promises';
import { decodeRegFile, parseRegFile } from '../registry/reg-file';
import { differingSettings, snapshotOf, type Snapshot } from '../registry/snapshot';
import { TunerError } from '../errors';
import { kindStatesSchema } from './kind-states';

/**
 * Before undo writes anything, the registry values it would put back must agree with the backup
 * the journal names: its export, and the `.json` beside it. On Windows the data folder's ACL is
 * the only guard of the journal; this makes an edit of the journal alone unable to choose what
 * undo writes.
 */
export async function checkBaselineAgainstBackup(registry: Snapshot, backupFile: string): Promise<void> {
  const refuse = (why: string) =>
    new TunerError(
      'undo-refused',
      `Undo stopped: the values it would put back do not match the backup ${backupFile} (${why}). Nothing was changed. ` +
        'The journal may have been edited; check it, or restore the values by hand from a backup you trust.',
    );
  const exported = await readFile(backupFile).catch(() => null);
  const parsed = exported ? parseRegFile(decodeRegFile(exported)) : null;
  const fromExport = parsed ? snapshotOf(parsed) : null;
  if (!fromExport) throw refuse(exported ? 'it is not an export of the key' : 'it cannot be read');
  const json = await readFile(backupFile.replace(/\.reg$/, '.json'), 'utf8').catch(() => null);
  const fromJson = json === null ? null : kindStatesSchema.shape.registry.safeParse(parseJson(json)?.exact);
  if (!fromJson?.success) throw refuse('its .json record is missing or damaged');
  const off = [...differingSettings(registry, fromExport), ...differingSettings(registry, fromJson.data)];
  if (off.length > 0) throw refuse(`${[...new Set(off)].join(' and ')} differ`);
}

function parseJson(text: string): { exact?: unknown } | null {
  try {
    return JSON.parse(text) as { exact?: unknown };
  } catch {
    return null;
  }
}
