/**
 * Debian's Wine keeps each prefix's wineserver socket in `/tmp/<name>`, the name written in
 * `$WINEPREFIX/wineserver`; it is left behind when the prefix is removed (hundreds a run), so
 * whoever removes a prefix removes it too.
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Removes the prefix's server folder, once its wineserver has been stopped. */
export async function removeServerFolder(prefixDir: string): Promise<void> {
  const name = (await readFile(path.join(prefixDir, 'wineserver'), 'utf8').catch(() => '')).trim();
  // Only a name Wine makes (wine-XXXXXX), never a path that could point anywhere else.
  if (/^wine-[A-Za-z0-9]+$/.test(name)) await rm(path.join(tmpdir(), name), { recursive: true, force: true });
}
