/**
 * docs/cli.md's exit-code table against the Wine files that drive its codes: each of those files
 * checks that its tests brought back exactly the codes listed for it, so together they drive every
 * code the table names, and no other.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DRIVEN_BY, documentedCodes } from '../helpers/exit-code-table';

describe('the exit-code table of docs/cli.md', () => {
  it('drives every code docs/cli.md names, and no other, between the exit-code files', async () => {
    for (const file of Object.keys(DRIVEN_BY))
      assert.ok(existsSync(path.join(__dirname, file)), `${file} is in test/wine`);
    const listed = [...new Set(Object.values(DRIVEN_BY).flat())].sort();
    assert.deepEqual(
      listed,
      await documentedCodes(),
      'each code in the docs/cli.md table, and no other, is driven by a file',
    );
  });
});
