/**
 * docs/cli.md lists every TCP_PORT_TUNER_* variable the code, the tests and the stand-ins read,
 * each in its own table row saying who reads it: a variable added anywhere without its row fails here.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const FOLDERS = ['electron', 'shared', 'renderer', 'scripts', 'test', 'e2e'];

function named(): Set<string> {
  const found = new Set<string>();
  for (const folder of FOLDERS) {
    for (const file of readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })) {
      if (!file.isFile()) continue;
      const text = readFileSync(path.join(file.parentPath, file.name), 'latin1');
      for (const [name] of text.matchAll(/TCP_PORT_TUNER_[A-Z0-9_]+/g)) found.add(name);
    }
  }
  return found;
}

describe('the environment variables in docs/cli.md', () => {
  it('every TCP_PORT_TUNER_* variable has its row, and no row names one nothing reads', () => {
    const page = readFileSync(path.join(ROOT, 'docs', 'cli.md'), 'utf8');
    const rows = new Set([...page.matchAll(/^\| `(TCP_PORT_TUNER_[A-Z0-9_]+)` \| /gm)].map((match) => match[1]));
    const read = named();
    assert.ok(
      read.has('TCP_PORT_TUNER_DATA_DIR') && read.has('TCP_PORT_TUNER_STANDIN_STATE'),
      'the scan finds the product and the stand-ins',
    );
    assert.deepEqual([...read].filter((name) => !rows.has(name)).sort(), [], 'read but not listed');
    assert.deepEqual([...rows].filter((name) => !read.has(name)).sort(), [], 'listed but read nowhere');
  });
});
