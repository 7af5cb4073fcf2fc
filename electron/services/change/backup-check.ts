import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { decodeRegFile, parseRegFile } from '../registry/reg-file';
import { differingSettings, snapshotOf } from '../registry/snapshot';
import { EXPORT_LIMIT, RECORD_LIMIT } from '../backup/backup';
import { TunerError } from '../errors';
import { NotPlainError, readPlain } from '../host/safe-file';
import type { AnyKind, KindStates } from './change-kind';
import type { KindOps } from './kind-ops';
import { registryStateSchema } from './kind-states';

/** What the `.json` beside a backup records: the registry values exactly, and what netsh held for the change it was made for. */
interface BackupRecord {
  exact: unknown;
  states: unknown;
}

/**
 * Before anything is written from the journal (undo's states, or the prior states that
 * settling puts back), those states must agree with the backups the journal names: the
 * registry values with the first one's export and `.json`, and every part of the range and the
 * reservations with the `.json` of the backup that first recorded it. On Windows the data
 * folder's ACL is the only guard of the journal; this makes an edit of the journal alone unable
 * to choose what is written.
 */
export async function checkAgainstBackups(
  ops: KindOps,
  states: KindStates,
  backupFiles: readonly string[],
  context: { stopped: string; journalFile: string },
): Promise<void> {
  const [first] = backupFiles;
  const refuse = (file: string, why: string) =>
    new TunerError(
      'undo-refused',
      `${context.stopped}: what the journal ${context.journalFile} would write does not match the backup ${file} (${why}). Nothing was changed. ` +
        'The journal may have been edited; check it, or restore the values by hand from a backup you trust.',
    );
  // The backups the journal may name are those in backups/ beside it, in the data folder.
  const backupDir = path.join(path.dirname(context.journalFile), 'backups');
  const read = (file: string, limit: number) =>
    readBackupFile(file, backupDir, limit).catch((error: unknown) => whyUnread(error, backupDir));
  const exported = await read(first, EXPORT_LIMIT);
  if (typeof exported === 'string') throw refuse(first, exported);
  const parsed = parseRegFile(decodeRegFile(exported));
  const fromExport = parsed ? snapshotOf(parsed) : null;
  if (!fromExport) throw refuse(first, 'it is not an export of the key');
  const records: BackupRecord[] = [];
  for (const file of backupFiles) {
    const json = await read(file.replace(/\.reg$/, '.json'), RECORD_LIMIT);
    const record = typeof json === 'string' ? null : parseJson(json.toString('utf8'));
    if (!record)
      throw refuse(file, typeof json === 'string' ? `its .json record: ${json}` : 'its .json record is damaged');
    records.push(record);
  }
  const fromJson = registryStateSchema.safeParse(records[0].exact);
  if (!fromJson.success) throw refuse(first, 'its .json record is missing or damaged');
  const off = [...differingSettings(states.registry, fromExport), ...differingSettings(states.registry, fromJson.data)];
  if (off.length > 0) throw refuse(first, `${[...new Set(off)].join(' and ')} differ`);

  for (const kind of ops.in(states)) {
    if (kind.inBackup) continue;
    const recorded = records.map((record) => slotsOf(kind, entryOf(record.states, kind.id)));
    for (const [slot, value] of slotsOf(kind, states[kind.id]) ?? []) {
      const at = recorded.findIndex((slots) => slots?.has(slot));
      const file = at < 0 ? first : backupFiles[at];
      if (!isDeepStrictEqual(recorded[at]?.get(slot), value))
        throw refuse(file, `${kind.slotName(slot)} ${at < 0 ? 'is not recorded there' : 'differs'}`);
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

const entryOf = (states: unknown, id: string): unknown =>
  typeof states === 'object' && states !== null ? new Map(Object.entries(states)).get(id) : undefined;

/** The slots of a state `kind` can hold, by slot; null when it is not one (a damaged record). */
function slotsOf(kind: AnyKind, state: unknown): Map<string, unknown> | null {
  const parsed = kind.schema.safeParse(state);
  return parsed.success ? new Map(Object.entries(parsed.data)) : null;
}

function parseJson(text: string): BackupRecord | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return null;
    return {
      exact: 'exact' in parsed ? parsed.exact : undefined,
      states: 'states' in parsed ? parsed.states : undefined,
    };
  } catch {
    return null;
  }
}
