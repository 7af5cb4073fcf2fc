import type { BigIntStats, Stats } from 'node:fs';
import { constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { errnoOf, TunerError } from '../errors';

/**
 * Every file this elevated tool opens in its data folder (and the files a user names for
 * `watch --textfile` and `export --out`) is opened here, so that a link, a junction, a device,
 * a named pipe or a folder standing where a plain file should be is refused, never followed.
 *
 * Off Windows, O_NOFOLLOW makes the kernel itself refuse a link as the last part of the path,
 * and O_NONBLOCK keeps the open of a named pipe from waiting for a writer; the opened handle is
 * then fstat-ed, so what is read or written is the very file that was checked. Node on Windows
 * has no O_NOFOLLOW (libuv does not pass FILE_FLAG_OPEN_REPARSE_POINT), so there the name is
 * lstat-ed, opened, and the handle's fstat must be a plain file with the same volume and file
 * id: a link swapped in between shows as another file. Without native code that is the best
 * Windows offers; the data folder's ACL (administrators only, host/data-folder.ts) is what
 * keeps others from swapping at all.
 */
const NO_FOLLOW = process.platform === 'win32' ? 0 : constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** What a name is instead of a plain file, in words; null for a plain file. */
export function notAFile(stats: Stats | BigIntStats): string | null {
  if (stats.isFile()) return null;
  if (stats.isSymbolicLink()) return 'a link or junction';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  return 'a device';
}

/** Exit 7, on one line: something other than the plain file (or real folder) this tool opens stands at `file`. */
export class NotPlainError extends TunerError {
  constructor(
    readonly file: string,
    readonly what: string,
    expected: 'file' | 'folder' = 'file',
  ) {
    super(
      'write-failed',
      `${file} is ${what}, not a plain ${expected}; this tool never reads or writes through one. Nothing was changed there. Move it away and run again.`,
    );
  }
}

/** The same file: same volume, same file id. */
export function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** Opens `file` as a plain file only (see above); `flags` as for fs.open. */
export async function openPlain(file: string, flags: number, mode = 0o644): Promise<FileHandle> {
  const before = process.platform === 'win32' ? await lstat(file).catch(() => null) : null;
  const named = before && notAFile(before);
  if (named) throw new NotPlainError(file, named);
  let handle: FileHandle;
  try {
    handle = await open(file, flags | NO_FOLLOW, mode);
  } catch (error) {
    // ELOOP: a link under O_NOFOLLOW; EISDIR: a folder opened to write; ENXIO: a pipe with no reader.
    if (!['ELOOP', 'EMLINK', 'EISDIR', 'ENXIO'].includes(errnoOf(error) ?? '')) throw error;
    const found = await lstat(file).catch(() => null);
    throw new NotPlainError(file, (found && notAFile(found)) ?? 'something that cannot be opened as a file');
  }
  const opened = await handle.stat();
  const wrong = notAFile(opened) ?? (before && !sameFile(before, opened) ? 'a file swapped while it was opened' : null);
  if (wrong) {
    await handle.close();
    throw new NotPlainError(file, wrong);
  }
  return handle;
}

/**
 * The whole of a plain file, refused past `limit` bytes: a journal that names /dev/zero or a
 * huge file must not fill this process's memory. With `sameAs`, it must be that very file.
 */
export async function readPlain(file: string, limit: number, sameAs?: Stats): Promise<Buffer> {
  const handle = await openPlain(file, constants.O_RDONLY);
  try {
    const opened = await handle.stat();
    if (sameAs && !sameFile(opened, sameAs))
      throw new NotPlainError(file, 'another file than the one this tool wrote there');
    const { size } = opened;
    // One byte past the limit tells a file that grew since the fstat.
    const buffer = Buffer.alloc(Math.min(size, limit) + 1);
    let filled = 0;
    for (let read = -1; read !== 0 && filled < buffer.length; filled += read) {
      ({ bytesRead: read } = await handle.read(buffer, filled, buffer.length - filled, filled));
    }
    if (size > limit || filled > limit)
      throw new TunerError(
        'write-failed',
        `${file} is larger than ${limit} bytes, far more than this tool ever writes there; it was not read. Move it away and run again.`,
      );
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/**
 * Creates `file`, which must not exist (O_EXCL refuses even a link or a pipe planted at the
 * name), writes `content` and flushes it. Returns the new file's identity.
 */
export async function writeNewPlain(file: string, content: string | Uint8Array, mode = 0o644): Promise<Stats> {
  const handle = await openPlain(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  let written = false;
  try {
    await handle.writeFile(content);
    await handle.sync();
    const stats = await handle.stat();
    written = true;
    return stats;
  } finally {
    await handle.close();
    // A full disk leaves a cut-off file: it is nobody's.
    if (!written) await rm(file, { force: true }).catch(() => undefined);
  }
}

/** A name beside `file` that no one can guess from this process's id. */
export function temporaryName(file: string): string {
  return `${file}.${randomBytes(8).toString('hex')}.tmp`;
}

/**
 * Replaces `file` whole: written under a temporary name, then renamed over it, so a crash
 * never leaves half a file. Something other than a plain file at `file` is refused, never
 * replaced: a rename would put a file where a device or a pipe was.
 */
export async function replacePlain(file: string, content: string | Uint8Array): Promise<void> {
  const present = await lstat(file).catch((error: unknown) => {
    if (errnoOf(error) === 'ENOENT') return null;
    throw error;
  });
  const named = present && notAFile(present);
  if (named) throw new NotPlainError(file, named);
  const temporary = temporaryName(file);
  await writeNewPlain(temporary, content);
  try {
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Makes sure `folder` is a real folder, creating it if need be, and so is every folder from
 * `inside` (the data folder) down to it: a link or junction there (scratch/, snapshots/,
 * backups/ or the data folder itself) would send what is written into it somewhere else.
 */
export async function plainFolder(folder: string, inside = folder): Promise<void> {
  await mkdir(folder, { recursive: true }).catch((error: unknown) => {
    // A link to nowhere, or a file, at the name: said below in words.
    if (errnoOf(error) !== 'EEXIST') throw error;
  });
  const below = path.relative(inside, folder);
  if (below.startsWith('..') || path.isAbsolute(below)) throw new Error(`${folder} is not inside ${inside}`);
  let part = inside;
  for (const name of ['', ...below.split(path.sep).filter(Boolean)]) {
    part = path.join(part, name);
    const found = await lstat(part);
    if (found.isSymbolicLink() || !found.isDirectory()) {
      throw new NotPlainError(part, notAFile(found) ?? 'a file', 'folder');
    }
  }
}
