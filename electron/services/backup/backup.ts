import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PARAMETERS_KEY, SETTING_NAMES, type SettingName } from '../../../shared/settings';
import type { Backup } from '../../../shared/contract';
import { prepareBackupFolder, fileSystemReason } from './backup-folder';
import { TunerError } from '../errors';
import type { RegistryBackend } from '../registry/backend';
import { decodeRegFile, encodeRegFile, parseRegFile } from '../registry/reg-file';
import { isPayload, valueStatesOf, restoreFileFor, snapshotOf, type Snapshot } from '../registry/snapshot';

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
  await prepareBackupFolder(folder, dataDir);
  try {
    await backend.exportKey(file);
  } catch (error) {
    if (error instanceof TunerError && error.kind !== 'registry-failed') throw error;
    throw new TunerError('backup-failed', `Could not write the backup ${file}: ${reason(error)} Nothing was changed.`);
  }
  const exported = await readFile(file).catch(() => null);
  const snapshot = exported ? snapshotFromBytes(exported) : null;
  if (!exported || !snapshot) {
    throw new TunerError('backup-failed', `The backup ${file} does not hold the key ${PARAMETERS_KEY}. Nothing was changed.`);
  }
  const odd = SETTING_NAMES.find((name) => {
    const value = snapshot[name];
    return value.present && !isPayload(value.payload);
  });
  if (odd) {
    throw new TunerError('backup-failed', `${odd} is stored in a form this tool cannot put back exactly. Nothing was changed.`);
  }
  const absent = SETTING_NAMES.filter((name) => !snapshot[name].present);
  const snapshotFile = file.replace(/\.reg$/, '.json');
  const restoreFile = restoreFileOf(file);
  const createdAt = now.toISOString();
  const values = valueStatesOf(snapshot);
  try {
    if (absent.length > 0) await appendDeletions(file, absent);
    await writeFile(restoreFile, restoreFileFor(snapshot));
    await writeFile(snapshotFile, `${JSON.stringify({ key: PARAMETERS_KEY, createdAt, values, exact: snapshot }, null, 2)}\n`);
  } catch (error) {
    throw new TunerError('backup-failed', `Could not finish the backup ${file}: ${reason(error)}. Nothing was changed.`);
  }
  return { file, restoreFile, snapshotFile, createdAt, values, snapshot, digest: digestOf(exported) };
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
