import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { link, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { explainDataFolder } from '../diagnosis/data-folder-check';
import { errnoOf, TunerError } from '../errors';
import { openPlain, plainFolder, readPlain, sameFile, writeNewPlain } from '../host/safe-file';
import { holderIsAlive, ownIdentity, type LockHolder } from './lock-holder';

const PREFIX = 'change.lock.';
/** A holder's JSON is about 150 bytes. */
const HOLDER_LIMIT = 4096;

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
    await release(held);
  }
}

/**
 * Emptied, not deleted: the highest number must stay, or a slow process could create it again.
 * Emptied through a handle that is still the very file this process created (link(2) keeps the
 * draft's file id): a lock swapped for a link or another file meanwhile is left alone, never
 * truncated; it then lists as a stray name for the user to delete.
 */
async function release(held: { file: string; identity: Stats }): Promise<void> {
  const handle = await openPlain(held.file, constants.O_WRONLY).catch(() => null);
  if (!handle) return;
  try {
    if (sameFile(await handle.stat(), held.identity)) await handle.truncate(0);
  } finally {
    await handle.close();
  }
}

async function acquire(dir: string): Promise<{ file: string; identity: Stats }> {
  const me: LockHolder = ownIdentity();
  const draft = path.join(dir, `change.draft.${me.nonce}`);
  let identity: Stats;
  try {
    await plainFolder(dir);
    identity = await writeNewPlain(draft, JSON.stringify(me));
  } catch (error) {
    if (error instanceof TunerError) throw error;
    // Access denied is a matter of rights (exit 3); a file in the way or a full disk is the file system's (exit 7).
    const denied = errnoOf(error) === 'EACCES' || errnoOf(error) === 'EPERM';
    const { problem, fix } = explainDataFolder(dir, error as NodeJS.ErrnoException);
    throw new TunerError(
      denied ? 'not-permitted' : 'write-failed',
      `Cannot use the data folder ${dir}: ${problem}, so no change can be recorded. Nothing was changed.`,
      undefined,
      fix,
    );
  }
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      const { lock: top, next } = await highest(dir);
      if (top && (await holderIsAlive(top.holder))) throw busy(top.file, top.holder);
      const mine = path.join(dir, `${PREFIX}${next}`);
      try {
        await link(draft, mine);
      } catch (error) {
        if (errnoOf(error) === 'EEXIST') continue;
        throw error;
      }
      // A process that read an old highest number may create a lower one late: only the highest holds.
      const { lock: now } = await highest(dir);
      if (now?.file === mine) {
        await removeOlder(dir, now.number);
        return { file: mine, identity };
      }
      await rm(mine, { force: true });
    }
    throw new TunerError(
      'busy',
      `Could not take the lock in ${dir}: other changes kept starting. Nothing was changed; try again.`,
    );
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
async function lockNames(dir: string): Promise<{ numbers: number[]; strays: string[]; strayNumber: number }> {
  const numbers: number[] = [];
  const strays: string[] = [];
  let strayNumber = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.name.startsWith(PREFIX)) continue;
    const suffix = entry.name.slice(PREFIX.length);
    const number = /^[1-9]\d{0,15}$/.test(suffix) ? Number(suffix) : NaN;
    const counts = Number.isSafeInteger(number + 1);
    // A link, a folder, a pipe: the entry's own type, never what a link points to.
    if (entry.isFile() && counts) numbers.push(number);
    else strays.push(path.join(dir, entry.name));
    if (!entry.isFile() && counts) strayNumber = Math.max(strayNumber, number);
  }
  return { numbers, strays, strayNumber };
}

/** Lock names this tool did not make, as warnings that say which file to delete. */
export async function strayLockWarnings(dir: string): Promise<string[]> {
  const { strays } = await lockNames(dir).catch((): { strays: string[] } => ({ strays: [] }));
  return strays.map((file) => `${file} is not a change lock this tool made and is ignored; delete it.`);
}

/** The live lock, if any, and the number to take after it: above stray numbers too, so a folder planted at the next number cannot block every change. */
async function highest(dir: string): Promise<{ lock: Found | null; next: number }> {
  const { numbers, strayNumber } = await lockNames(dir);
  if (numbers.length === 0) return { lock: null, next: strayNumber + 1 };
  const number = Math.max(...numbers);
  const file = path.join(dir, `${PREFIX}${number}`);
  // Released between the listing and the read, or swapped for something that is not a plain
  // file (never followed, never waited on): no holder.
  const text = await readPlain(file, HOLDER_LIMIT).catch(() => null);
  return {
    lock: { file, number, holder: text === null ? null : parseHolder(text.toString('utf8')) },
    next: Math.max(number, strayNumber) + 1,
  };
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
  for (const older of numbers.filter((each) => each < number))
    await rm(path.join(dir, `${PREFIX}${older}`), { force: true });
}

function busy(file: string, holder: LockHolder | null): TunerError {
  const who = holder ? `process ${holder.pid}, started ${new Date(holder.startedAt).toISOString()}` : 'a process';
  return new TunerError(
    'busy',
    `Another TCP Port Tuner (${who}) is changing the values; its lock is ${file}. Nothing was changed; try again when it has finished. ` +
      'If no TCP Port Tuner is running, delete that file.',
  );
}
