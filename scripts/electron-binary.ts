// Where electron's installer put the binary, read the way electron's index.js does, or null when
// there is none: `require('electron')` itself would try to download a missing binary.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function electronBinary(): string | null {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(
    process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist'),
    readFileSync(pathFile, 'utf8').trim(),
  );
  return existsSync(binary) ? binary : null;
}
