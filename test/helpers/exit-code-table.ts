/**
 * docs/cli.md's exit-code table and the Wine files that drive its codes. Each file checks that its
 * tests brought back exactly the codes listed for it here, and exit-codes.table.test.ts that these
 * lists together are the table: a code the table names and no test drives fails.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { it } from 'node:test';
import { cliBed } from './cli-bed';

/** Every code each file's CLI runs end with, by the file's name in test/wine. */
export const DRIVEN_BY: Readonly<Record<string, readonly number[]>> = {
  'exit-codes.changes.test.ts': [0, 2, 3, 4, 5, 6, 7],
  'exit-codes.environment.test.ts': [1, 7, 8, 9],
};

/** The codes docs/cli.md's exit-code table names. */
export async function documentedCodes(): Promise<number[]> {
  const page = await readFile(path.resolve(__dirname, '../../docs/cli.md'), 'utf8');
  const start = page.indexOf('| exit code | meaning |');
  assert.ok(start >= 0, 'docs/cli.md has the exit-code table');
  const table = page.slice(start, page.indexOf('\n\n', start));
  return [...new Set([...table.matchAll(/^\| (\d) \| /gm)].map((match) => Number(match[1])))].sort();
}

/**
 * The CLI bed of an exit-code file, counting the code of every run; `runCli` results a test gets
 * past the bed go to `driven` by hand. Registers the file's last test: exactly its listed codes came back.
 */
export function exitCodeBed(file: string) {
  const name = path.basename(file);
  const driven = new Set<number>();
  const bed = cliBed(name.replace(/\.test\.ts$/, ''), (result) => {
    if (result.code !== null) driven.add(result.code);
  });
  const checksListedCodes = () =>
    it(`brings back exactly the codes listed for ${name} in exit-code-table.ts`, () => {
      assert.deepEqual(
        [...driven].sort(),
        [...(DRIVEN_BY[name] ?? [])].sort(),
        'each listed code, and no other, came back from a test above',
      );
    });
  return { bed, driven, checksListedCodes };
}
