import { link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileSystemReason } from '../backup/backup-folder';
import { errnoOf, messageOf, TunerError } from '../errors';
import { holderIsAlive, ownIdentity, type LockHolder } from './lock-holder';

const PREFIX = 'change.lock.';

/**
 * One change at a time across processes (the app and the command line). The lock is the file
 * `change.lock.N` with the highest N in the data folder. It is taken by creating the next
 * number with link(2), which fails if that name exists, from a file already holding the owner's
 * process id and start time: no one ever sees an empty or half-written lock. Numbers only grow,
 * so a slow process cannot take an old number back; whoever created the highest one holds it.
 * A highest lock that is empty (released) or whose owner is gone (a crash, or its id now used
 * by another program) is taken over by creating the number after it, which again only one
 * process can do.
 */
export async function withChangeLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const held = await acquire(dir);
  try {
    return await work();
  } finally {
    // Emptied, not deleted: the highest number must stay, or a slow process could create it again.
    await writeFile(held, '');
  }
}

async function acquire(dir: string): Promise<string> {
  const me: LockHolder = ownIdentity();
  const draft = path.join(dir, `change.draft.${process.pid}.${me.nonce}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(draft, JSON.stringify(me), { flag: 'wx' });
  } catch (error) {
    // A full disk can leave an empty draft behind.
    await rm(draft, { force: true }).catch(() => undefined);
    const code = errnoOf(error);
    const full = code === 'ENOSPC' || code === 'EDQUOT' || code === 'EROFS';
    throw new TunerError(
      full ? 'backup-failed' : 'not-permitted',
      `Cannot write to the data folder ${dir} (${code ?? messageOf(error)}${full ? `: ${fileSystemReason(error)}` : ''}), so no change can be recorded. Nothing was changed.`,
    );
  }
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      const top = await highest(dir);
      if (top && (await holderIsAlive(top.holder))) throw busy(top.file, top.holder);
      const mine = path.join(dir, `${PREFIX}${(top?.number ?? 0) + 1}`);
      try {
        await link(draft, mine);
      } catch (error) {
        if (errnoOf(error) === 'EEXIST') continue;
        throw error;
      }
      // A process that read an old highest number may create a lower one late: only the highest holds.
      const now = await highest(dir);
      if (now?.file === mine) {
        await removeOlder(dir, now.number);
        return mine;
      }
      await rm(mine, { force: true });
    }
    throw new TunerError('busy', `Could not take the lock in ${dir}: other changes kept starting. Nothing was changed; try again.`);
  } finally {
    await rm(draft, { force: true });
  }
}

interface Found {
  file: string;
  number: number;
  holder: LockHolder | null;
}

/**
 * The lock files in `dir`, and the names that only look like one: a folder, or a number past
 * what counts exactly (2^53 and up would make N + 1 equal N). Those are never taken as the lock,
 * so a planted name cannot lock the tool out.
 */
async function lockNames(dir: string): Promise<{ numbers: number[]; strays: string[] }> {
  const numbers: number[] = [];
  const strays: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.name.startsWith(PREFIX)) continue;
    const suffix = entry.name.slice(PREFIX.length);
    const number = /^[1-9]\d{0,15}$/.test(suffix) ? Number(suffix) : NaN;
    if (entry.isFile() && Number.isSafeInteger(number + 1)) numbers.push(number);
    else strays.push(path.join(dir, entry.name));
  }
  return { numbers, strays };
}

/** Lock names this tool did not make, as warnings that say which file to delete. */
export async function strayLockWarnings(dir: string): Promise<string[]> {
  const { strays } = await lockNames(dir).catch(() => ({ strays: [] as string[] }));
  return strays.map((file) => `${file} is not a change lock this tool made and is ignored; delete it.`);
}

async function highest(dir: string): Promise<Found | null> {
  const { numbers } = await lockNames(dir);
  if (numbers.length === 0) return null;
  const number = Math.max(...numbers);
  const file = path.join(dir, `${PREFIX}${number}`);
  // Released between the listing and the read: no holder.
  const text = await readFile(file, 'utf8').catch(() => null);
  return { file, number, holder: text === null ? null : parseHolder(text) };
}

function parseHolder(text: string): LockHolder | null {
  try {
    const holder = JSON.parse(text) as LockHolder;
    return Number.isInteger(holder.pid) && typeof holder.startedAt === 'number' ? holder : null;
  } catch {
    return null;
  }
}

/** Locks below the one now held are over: their owners released them or are gone. */
async function removeOlder(dir: string, number: number): Promise<void> {
  const { numbers } = await lockNames(dir);
  for (const older of numbers.filter((each) => each < number)) await rm(path.join(dir, `${PREFIX}${older}`), { force: true });
}

function busy(file: string, holder: LockHolder | null): TunerError {
  const who = holder ? `process ${holder.pid}, started ${new Date(holder.startedAt).toISOString()}` : 'a process';
  return new TunerError(
    'busy',
    `Another TCP Port Tuner (${who}) is changing the values; its lock is ${file}. Nothing was changed; try again when it has finished. ` +
      'If no TCP Port Tuner is running, delete that file.',
  );
}
