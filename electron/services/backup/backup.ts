import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PARAMETERS_KEY, SETTING_NAMES, type SettingName } from '../../../shared/settings';
import type { Backup } from '../../../shared/contract';
import { prepareBackupFolder, fileSystemReason } from './backup-folder';
import { TunerError } from '../errors';
import type { RegistryBackend } from '../registry/backend';
import { decodeRegFile, encodeRegFile, parseRegFile } from '../registry/reg-file';
import { isPayload, valueStateOf, valueStatesOf, restoreFileFor, snapshotOf, type Snapshot } from '../registry/snapshot';
import type { ValueState } from '../../../shared/registry-value';

export interface VerifiedBackup extends Backup {
  snapshot: Snapshot;
  /** SHA-256 of the key as exported: equal digests mean the key has not changed since. */
  digest: string;
}

/**
 * Exports the whole Parameters key to a timestamped `.reg` file, reads it back to prove it
 * holds the key, and records the exact prior state of both settings beside it as JSON. Beside
 * it goes a `-restore.reg` with only the two values: importing the full export would also roll
 * back the key's subkeys (interfaces, DHCP leases) to that day.
 */
export async function createBackup(backend: RegistryBackend, folder: string, now: Date, dataDir: string): Promise<VerifiedBackup> {
  const stamp = now.toISOString().replace(/[:.]/g, '-').replace('T', '_').replace('Z', '');
  const file = path.join(folder, `Tcpip-Parameters-${stamp}.reg`);
  const snapshotFile = file.replace(/\.reg$/, '.json');
  const restoreFile = restoreFileOf(file);
  // A backup that does not prove itself is not left where a user would take it for one.
  const discard = () => Promise.all([file, snapshotFile, restoreFile].map((made) => rm(made, { force: true }))).catch(() => undefined);
  await prepareBackupFolder(folder, dataDir);
  try {
    await backend.exportKey(file);
  } catch (error) {
    await discard();
    if (error instanceof TunerError && error.kind !== 'registry-failed') throw error;
    throw new TunerError('backup-failed', `Could not write the backup ${file}: ${reason(error)} Nothing was changed.`);
  }
  const exported = await readFile(file).catch(() => null);
  const snapshot = exported ? snapshotFromBytes(exported) : null;
  if (!exported || !snapshot) {
    await discard();
    throw new TunerError('backup-failed', `The backup ${file} does not hold the key ${PARAMETERS_KEY} (cut off or empty: the disk may be full); it was removed. Nothing was changed.`);
  }
  const odd = SETTING_NAMES.find((name) => {
    const value = snapshot[name];
    return value.present && !isPayload(value.payload);
  });
  if (odd) {
    await discard();
    throw new TunerError('backup-failed', `${odd} is stored in a form this tool cannot put back exactly. Nothing was changed.`);
  }
  await verifyAgainstLiveKey(backend, file, snapshot, discard);
  const absent = SETTING_NAMES.filter((name) => !snapshot[name].present);
  const createdAt = now.toISOString();
  const values = valueStatesOf(snapshot);
  try {
    if (absent.length > 0) await appendDeletions(file, absent);
    await writeFile(restoreFile, restoreFileFor(snapshot));
    await writeFile(snapshotFile, `${JSON.stringify({ key: PARAMETERS_KEY, createdAt, values, exact: snapshot }, null, 2)}\n`);
  } catch (error) {
    await discard();
    throw new TunerError('backup-failed', `Could not finish the backup ${file}: ${reason(error)}; it was removed. Nothing was changed.`);
  }
  return { file, restoreFile, snapshotFile, createdAt, values, snapshot, digest: digestOf(exported) };
}

/**
 * Wine's `reg export` can exit 0 with a file cut off by a full disk: the export counts only once
 * the key as it is now reads the same as the file says.
 */
async function verifyAgainstLiveKey(backend: RegistryBackend, file: string, snapshot: Snapshot, discard: () => Promise<unknown>): Promise<void> {
  let live: Awaited<ReturnType<RegistryBackend['readValues']>>;
  try {
    live = await backend.readValues();
  } catch (error) {
    await discard();
    throw new TunerError('backup-failed', `Could not check the backup ${file} against the key: ${reason(error)} It was removed. Nothing was changed.`);
  }
  const off = SETTING_NAMES.filter((name) => !agreesWithLive(valueStateOf(snapshot[name]), live[name]));
  if (off.length > 0) {
    await discard();
    throw new TunerError(
      'backup-failed',
      `The backup ${file} does not match the key as it is now (${off.join(' and ')}): the export was cut off (the disk may be full) or the key changed meanwhile. It was removed. Nothing was changed.`,
    );
  }
}

/**
 * The same value as far as `reg query` can tell: present or not, the same type, and for a DWORD
 * the same number. Its text of a string is not exact (the console's code page), so a string's
 * data is not held against the export, which alone is exact.
 */
export function agreesWithLive(exported: ValueState, live: ValueState): boolean {
  if (!exported.present || !live.present) return exported.present === live.present;
  return exported.type === live.type && (exported.type !== 'REG_DWORD' || exported.data === live.data);
}

/**
 * Adds to a backup's `.json` what the range and the reservations held before the change it was
 * made for, so that undo and settling can check the journal against it. Written whole, then
 * renamed: a crash leaves the old record, never half of one.
 */
export async function recordNetshStates(backup: VerifiedBackup, states: Record<string, unknown>): Promise<void> {
  const temporary = `${backup.snapshotFile}.${process.pid}.tmp`;
  try {
    const record = JSON.parse(await readFile(backup.snapshotFile, 'utf8')) as Record<string, unknown>;
    await writeFile(temporary, `${JSON.stringify({ ...record, states }, null, 2)}\n`, { flush: true });
    await rename(temporary, backup.snapshotFile);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new TunerError('backup-failed', `Could not record the port range and reservations in ${backup.snapshotFile}: ${reason(error)}. Nothing was changed.`);
  }
}

/** The digest of the key as it is now, to tell whether a backup still holds it exactly. */
export async function currentDigest(backend: RegistryBackend, scratch: string): Promise<string> {
  await mkdir(path.dirname(scratch), { recursive: true });
  try {
    await backend.exportKey(scratch);
    return digestOf(await readFile(scratch));
  } finally {
    await rm(scratch, { force: true });
  }
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
  await mkdir(path.dirname(scratch), { recursive: true });
  try {
    await backend.exportKey(scratch);
    const snapshot = await readSnapshot(scratch);
    if (!snapshot) throw new TunerError('registry-failed', `The export of ${PARAMETERS_KEY} did not hold the key.`);
    return snapshot;
  } finally {
    await rm(scratch, { force: true });
  }
}

/**
 * An export cannot say that a value was absent: without these lines, importing the backup
 * would leave this tool's values in place instead of removing them.
 */
async function appendDeletions(file: string, names: readonly SettingName[]): Promise<void> {
  const exported = decodeRegFile(await readFile(file)).replace(/(\r\n)+$/, '');
  const deletions = [`[${PARAMETERS_KEY}]`, ...names.map((name) => `"${name}"=-`)];
  await writeFile(file, encodeRegFile([exported, '', ...deletions, '', ''].join('\r\n')));
}

async function readSnapshot(file: string): Promise<Snapshot | null> {
  return snapshotFromBytes(await readFile(file));
}

function snapshotFromBytes(bytes: Buffer): Snapshot | null {
  const parsed = parseRegFile(decodeRegFile(bytes));
  return parsed ? snapshotOf(parsed) : null;
}

function reason(error: unknown): string {
  return error instanceof TunerError ? error.message : fileSystemReason(error);
}
