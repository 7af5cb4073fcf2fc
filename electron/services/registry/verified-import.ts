import type { Stats } from 'node:fs';
import { TunerError } from '../errors';
import { readPlain, writeNewPlain } from '../host/safe-file';
import { inScratchFolder } from '../host/scratch';
import type { RegistryBackend } from './backend';

/** A restore file holds two values: a few hundred bytes. */
const RESTORE_LIMIT = 64 * 1024;

/**
 * `reg import` of exactly `content`, written here first. reg.exe takes a file name, not an open
 * handle, so what it reads is pinned three ways: the file is created with O_EXCL (nothing
 * planted at the name is followed) in a folder of its own that only this process may write
 * (host/scratch.ts); right before the import it must still be that file (same file id) with
 * those bytes; and right after, too, so that a swap during the import is at least said.
 */
export async function importWritten(backend: RegistryBackend, scratchFile: string, content: Buffer): Promise<void> {
  await inScratchFolder(scratchFile, async (file) => {
    const identity = await writeNewPlain(file, content, 0o600);
    await importVerified(backend, file, content, identity);
  });
}

/** `reg import` of `file` only while it holds `content` (and, given one, is the file of that identity). */
export async function importVerified(
  backend: RegistryBackend,
  file: string,
  content: Buffer,
  identity?: Stats,
): Promise<void> {
  await holdsExactly(file, content, identity, 'does not hold the values to put back');
  await backend.importFile(file);
  await holdsExactly(
    file,
    content,
    identity,
    'changed while reg import read it: check the registry for keys this tool did not write',
  );
}

async function holdsExactly(file: string, content: Buffer, identity: Stats | undefined, why: string): Promise<void> {
  const held = await readPlain(file, RESTORE_LIMIT, identity).catch(() => null);
  if (!held?.equals(content)) throw new TunerError('registry-failed', `${file} ${why}.`);
}
