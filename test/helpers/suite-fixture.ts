/**
 * Something one suite (a describe, or a whole file) makes before its first test and gets rid of
 * after its last, whatever happened in between: the shape the temp folder, the Wine prefix and
 * the Windows-mode bed share.
 */
import { after, before } from 'node:test';

/**
 * Registers the hooks where it is called; the returned function gives what `make` made, inside
 * the suite's later hooks and its tests, and throws anywhere else. `setUp` runs once it can be
 * given, so a set-up written against the returned handle works; `dispose` runs even when it fails.
 */
export function suiteFixture<T>(
  what: string,
  make: () => Promise<T>,
  dispose: (made: T) => Promise<unknown>,
  setUp: (made: T) => Promise<unknown> = async () => undefined,
): () => T {
  let made: { value: T } | undefined;
  before(async () => {
    made = { value: await make() };
    await setUp(made.value);
  });
  after(() => (made ? dispose(made.value) : undefined));
  return () => {
    if (!made) throw new Error(`${what} is used outside its suite's hooks and tests`);
    return made.value;
  };
}
