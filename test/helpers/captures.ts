/**
 * Real tool output as Windows sends it through a pipe: a capture from test/fixtures/captures (or
 * any text) with CRLF line ends, encoded by iconv-lite in the console's OEM code page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';

const CAPTURES = path.join(__dirname, '../fixtures/captures');

/** A capture's text as pasted, without a shell prompt line someone pasted with it. */
export function captureText(name: string): string {
  return readFileSync(path.join(CAPTURES, name), 'utf8')
    .split('\n')
    .filter((line) => !/^(\$ |[A-Z]:\\.*>|PS )/.test(line))
    .join('\n');
}

/** Text as a Windows console tool writes it: CRLF, in code page `codePage`. */
export function windowsBytes(text: string, codePage: number): Buffer {
  const bytes = iconv.encode(text.replace(/\r?\n/g, '\r\n'), `cp${codePage}`);
  // A character the code page lacks would come out as "?": the test data would then be wrong.
  if (iconv.decode(bytes, `cp${codePage}`) !== text.replace(/\r?\n/g, '\r\n'))
    throw new Error(`code page ${codePage} cannot hold this text`);
  return bytes;
}

export const captureBytes = (name: string, codePage: number) => windowsBytes(captureText(name), codePage);

/** A file of test/fixtures/windows: the shapes Windows' tools print, kept with CRLF line ends (checked). */
export function windowsFixture(name: string): string {
  const text = readFileSync(path.join(__dirname, '../fixtures/windows', name), 'utf8');
  if (!text.includes('\r\n')) throw new Error(`${name} lost its Windows line ends`);
  return text;
}
