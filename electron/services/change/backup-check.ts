import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { KIND_STATE_SCHEMAS } from '../../../shared/kinds';
import { decodeRegFile, parseRegFile } from '../registry/reg-file';
import { differingSettings, snapshotOf } from '../registry/snapshot';
import { EXPORT_LIMIT, RECORD_LIMIT } from '../backup/backup';
import { TunerError } from '../errors';
import { NotPlainError, readPlain } from '../host/safe-file';
import { registryStateSchema, type KindStates } from './kind-states';

/** What the `.json` beside a backup records: the registry values exactly, and what netsh held for the change it was made for. */
interface BackupRecord {
  exact?: unknown;
  states?: Record<string, unknown>;
}

/**
 * Before anything is written from the journal (undo's states, or the prior states that
 * settling puts back), those states must agree with the backups the journal names: the
 * registry values with the first one's export and `.json`, and every part of the range and the
 * reservations with the `.json` of the backup that first recorded it. On Windows the data
 * folder's ACL is the only guard of the journal; this makes an edit of the journal alone unable
 * to choose what is written.
 */
export async function checkAgainstBackups(states: KindStates, backupFiles: readonly string[], context: { stopped: string; journalFile: string }): Promise<void> {
  const [first] = backupFiles;
  const refuse = (file: string, why: string) =>
    new TunerError(
      'undo-refused',
      `${context.stopped}: what the journal ${context.journalFile} would write does not match the backup ${file} (${why}). Nothing was changed. ` +
        'The journal may have been edited; check it, or restore the values by hand from a backup you trust.',
    );
  // The backups the journal may name are those in backups/ beside it, in the data folder.
  const backupDir = path.join(path.dirname(context.journalFile), 'backups');
  const read = (file: string, limit: number) => readBackupFile(file, backupDir, limit).catch((error: unknown) => whyUnread(error, backupDir));
  const exported = await read(first, EXPORT_LIMIT);
  if (typeof exported === 'string') throw refuse(first, exported);
  const parsed = parseRegFile(decodeRegFile(exported));
  const fromExport = parsed ? snapshotOf(parsed) : null;
  if (!fromExport) throw refuse(first, 'it is not an export of the key');
  const records: BackupRecord[] = [];
  for (const file of backupFiles) {
    const json = await read(file.replace(/\.reg$/, '.json'), RECORD_LIMIT);
    const record = typeof json === 'string' ? null : parseJson(json.toString('utf8'));
    if (!record) throw refuse(file, typeof json === 'string' ? `its .json record: ${json}` : 'its .json record is damaged');
    records.push(record);
  }
  const fromJson = registryStateSchema.safeParse(records[0].exact);
  if (!fromJson.success) throw refuse(first, 'its .json record is missing or damaged');
  const off = [...differingSettings(states.registry, fromExport), ...differingSettings(states.registry, fromJson.data)];
  if (off.length > 0) throw refuse(first, `${[...new Set(off)].join(' and ')} differ`);

  for (const id of Object.keys(KIND_STATE_SCHEMAS) as (keyof typeof KIND_STATE_SCHEMAS)[]) {
    const state = states[id];
    if (!state) continue;
    for (const [slot, value] of Object.entries(state)) {
      const at = records.findIndex((record) => KIND_STATE_SCHEMAS[id].safeParse(record.states?.[id]).success && slot in (record.states?.[id] as object));
      const file = at < 0 ? first : backupFiles[at];
      const recorded = at < 0 ? undefined : (records[at].states?.[id] as Record<string, unknown>)[slot];
      if (!isDeepStrictEqual(recorded, value)) throw refuse(file, `${describeSlot(id, slot)} ${at < 0 ? 'is not recorded there' : 'differs'}`);
    }
  }
}

/**
 * A file the journal names, read only if it is a plain file directly inside the backups
 * folder: no `..`, no other folder, no link, pipe or device, and no more than `limit` bytes.
 * A journal naming a FIFO must not hang status, nor one naming /dev/zero fill memory.
 */
async function readBackupFile(file: string, backupDir: string, limit: number): Promise<Buffer> {
  if (path.resolve(file) !== file || path.dirname(file) !== path.resolve(backupDir)) throw new OutsideBackups();
  return readPlain(file, limit);
}

class OutsideBackups extends Error {}

function whyUnread(error: unknown, backupDir: string): string {
  if (error instanceof OutsideBackups) return `it is not a file directly in ${backupDir}`;
  if (error instanceof NotPlainError) return `it is ${error.what}`;
  if (error instanceof TunerError) return 'it is larger than any backup';
  return 'it cannot be read';
}

function describeSlot(id: 'dynamicRange' | 'reservedPorts', slot: string): string {
  return id === 'dynamicRange' ? `the ${slot === 'ipv4' ? 'IPv4' : 'IPv6'} dynamic port range` : `port ${slot}`;
}

function parseJson(text: string): BackupRecord | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as BackupRecord) : null;
  } catch {
    return null;
  }
}
