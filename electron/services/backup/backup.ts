import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { PARAMETERS_KEY, SETTING_NAMES, type SettingName } from '../../../shared/settings';
import type { Backup } from '../../../shared/contract';
import { errorReason as reason, prepareBackupFolder } from './backup-folder';
import { verifyAgainstLiveKey } from './live-check';
import { TunerError } from '../errors';
import { NotPlainError, readPlain, replacePlain, writeNewPlain } from '../host/safe-file';
import { inScratchFolder } from '../host/scratch';
import type { RegistryBackend } from '../registry/backend';
import { decodeRegFile, encodeRegFile, parseRegFile } from '../registry/reg-file';
import { isPayload, valueStatesOf, restoreFileFor, snapshotOf, type Snapshot } from '../registry/snapshot';

/** The Parameters key with its subkeys exports to some kilobytes; far past that is not an export. */
export const EXPORT_LIMIT = 16 * 1024 * 1024;
/** A backup's .json record: a few kilobytes. */
export const RECORD_LIMIT = 1024 * 1024;

export interface VerifiedBackup extends Backup {
  snapshot: Snapshot;
  /** SHA-256 of the key as exported: equal digests mean the key has not changed since. */
  digest: string;
}

/**
 * Exports the whole Parameters key, proves the export holds the key as it is now (every subkey
 * and value), and only then writes it to a timestamped `.reg` file, with the exact prior state
 * of both settings beside it as JSON. Beside it goes a `-restore.reg` with only the two values:
 * importing the full export would also roll back the key's subkeys (interfaces, DHCP leases) to
 * that day. reg.exe exports into a scratch folder of this process's own; the backup files are
 * then created here with O_EXCL, so a link planted at a backup's name is never followed.
 */
export async function createBackup(
  backend: RegistryBackend,
  folder: string,
  now: Date,
  dataDir: string,
): Promise<VerifiedBackup> {
  const stamp = now.toISOString().replace(/[:.]/g, '-').replace('T', '_').replace('Z', '');
  const file = path.join(folder, `Tcpip-Parameters-${stamp}.reg`);
  const snapshotFile = file.replace(/\.reg$/, '.json');
  const restoreFile = restoreFileOf(file);
  // A backup that does not prove itself is not left where a user would take it for one.
  // Settled, not all: one removal that fails must not return before the others are done.
  const discard = () => Promise.allSettled([file, snapshotFile, restoreFile].map((made) => rm(made, { force: true })));
  await prepareBackupFolder(folder, dataDir);
  // The live read that proves the export runs beside it: two reads of one key agree only if
  // nothing changed the key between them, whichever ends first. Marked as handled at once, so an
  // export that fails first leaves no rejection unheard; its answer is awaited below.
  const liveTree = backend.readTree();
  liveTree.catch(() => undefined);
  let exported: Buffer;
  try {
    exported = await exportedBytes(backend, path.join(dataDir, 'scratch', 'backup.reg'));
  } catch (error) {
    if (error instanceof TunerError && error.kind !== 'registry-failed') throw error;
    throw new TunerError('backup-failed', `Could not write the backup ${file}: ${reason(error)} Nothing was changed.`);
  }
  const snapshot = snapshotFromBytes(exported);
  if (!snapshot) {
    throw new TunerError(
      'backup-failed',
      `The backup ${file} does not hold the key ${PARAMETERS_KEY} (cut off or empty: the disk may be full); it was not kept. Nothing was changed.`,
    );
  }
  const odd = SETTING_NAMES.find((name) => {
    const value = snapshot[name];
    return value.present && !isPayload(value.payload);
  });
  if (odd)
    throw new TunerError(
      'backup-failed',
      `${odd} is stored in a form this tool cannot put back exactly. Nothing was changed.`,
    );
  await verifyAgainstLiveKey(liveTree, file, exported, snapshot);
  const absent = SETTING_NAMES.filter((name) => !snapshot[name].present);
  const createdAt = now.toISOString();
  const values = valueStatesOf(snapshot);
  try {
    await writeNewPlain(file, absent.length > 0 ? withDeletions(exported, absent) : exported);
    await writeNewPlain(restoreFile, restoreFileFor(snapshot));
    await writeNewPlain(
      snapshotFile,
      `${JSON.stringify({ key: PARAMETERS_KEY, createdAt, values, exact: snapshot }, null, 2)}\n`,
    );
  } catch (error) {
    await discard();
    if (error instanceof NotPlainError) throw error;
    throw new TunerError(
      'write-failed',
      `Could not finish the backup ${file}: ${reason(error)}; it was removed. Nothing was changed.`,
    );
  }
  return { file, restoreFile, snapshotFile, createdAt, values, snapshot, digest: digestOf(exported) };
}

/**
 * Adds to a backup's `.json` what the range and the reservations held before the change it was
 * made for, so that undo and settling can check the journal against it. Written whole, then
 * renamed: a crash leaves the old record, never half of one.
 */
export async function recordNetshStates(backup: VerifiedBackup, states: object): Promise<void> {
  try {
    const record: object = JSON.parse((await readPlain(backup.snapshotFile, RECORD_LIMIT)).toString('utf8'));
    await replacePlain(backup.snapshotFile, `${JSON.stringify({ ...record, states }, null, 2)}\n`);
  } catch (error) {
    if (error instanceof NotPlainError) throw error;
    throw new TunerError(
      'write-failed',
      `Could not record the port range and reservations in ${backup.snapshotFile}: ${reason(error)}. Nothing was changed.`,
    );
  }
}

/** The digest of the key as it is now, to tell whether a backup still holds it exactly. */
export async function currentDigest(backend: RegistryBackend, scratch: string): Promise<string> {
  return digestOf(await exportedBytes(backend, scratch));
}

function digestOf(exported: Buffer): string {
  return createHash('sha256').update(exported).digest('hex');
}

/** The two-value restore file that goes with a backup. */
export function restoreFileOf(backupFile: string): string {
  return backupFile.replace(/\.reg$/, '-restore.reg');
}

/** Exports the key to a scratch file and returns both settings exactly as they are. */
export async function exportSnapshot(backend: RegistryBackend, scratch: string): Promise<Snapshot> {
  const snapshot = snapshotFromBytes(await exportedBytes(backend, scratch));
  if (!snapshot) throw new TunerError('registry-failed', `The export of ${PARAMETERS_KEY} did not hold the key.`);
  return snapshot;
}

/** The key as `reg export` writes it, through a scratch folder of this process's own. */
async function exportedBytes(backend: RegistryBackend, scratch: string): Promise<Buffer> {
  return inScratchFolder(scratch, async (file) => {
    await backend.exportKey(file);
    return readPlain(file, EXPORT_LIMIT);
  });
}

/**
 * An export cannot say that a value was absent: without these lines, importing the backup
 * would leave this tool's values in place instead of removing them.
 */
function withDeletions(exported: Buffer, names: readonly SettingName[]): Buffer {
  const text = decodeRegFile(exported).replace(/(\r\n)+$/, '');
  const deletions = [`[${PARAMETERS_KEY}]`, ...names.map((name) => `"${name}"=-`)];
  return encodeRegFile([text, '', ...deletions, '', ''].join('\r\n'));
}

function snapshotFromBytes(bytes: Buffer): Snapshot | null {
  const parsed = parseRegFile(decodeRegFile(bytes));
  return parsed ? snapshotOf(parsed) : null;
}
