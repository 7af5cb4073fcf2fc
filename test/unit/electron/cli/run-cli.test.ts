/**
 * The CLI says which file failed: the change journal (`journal-failed`) is told apart from a
 * file the tool writes for the user (`write-failed`), in the line on stderr and in `--json`'s
 * `error.kind`, both with exit 7 as the README's table has it. Checked on disk afterwards: the
 * refused journal is still the folder it was, and no export file appeared.
 */
import assert from 'node:assert/strict';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempFolder } from '../../../helpers/temp-folder';
import { runCli } from '../../../helpers/cli-run';

const escaped = (text: string) => text.replace(/[/.-]/g, '\\$&');

describe('the CLI names the file that failed', () => {
  const temp = tempFolder('run-cli');

  it('a folder where the change journal should be: exit 7, told as the change journal, in text and in --json', async () => {
    const dataDir = temp.fresh('data');
    const journal = path.join(dataDir, 'journal.json');
    await mkdir(journal, { recursive: true });
    const env = { ...process.env, TCP_PORT_TUNER_DATA_DIR: dataDir };

    const text = await runCli(['history'], env);
    assert.equal(text.code, 7, text.stderr);
    assert.match(
      text.stderr,
      new RegExp(`^tcp-port-tuner: The change journal ${escaped(journal)} is a folder, not a plain file;`, 'm'),
    );

    const json = await runCli(['history', '--json'], env);
    assert.equal(json.code, 7, json.stderr);
    const { error } = JSON.parse(json.stdout) as { error: { kind: string; message: string } };
    assert.equal(error.kind, 'journal-failed');
    assert.match(error.message, new RegExp(`^The change journal ${escaped(journal)} is a folder`));
    assert.ok((await stat(journal)).isDirectory(), 'the folder is left where it was');
  });

  it('an export into a folder that does not exist: exit 7, told as a write failure naming the export', async () => {
    const folder = temp.fresh('missing');
    const file = path.join(folder, 'out.reg');
    const json = await runCli(
      ['export', '--format', 'reg', '--max-user-port', '65534', '--out', file, '--json'],
      process.env,
    );
    assert.equal(json.code, 7, json.stderr);
    const { error } = JSON.parse(json.stdout) as { error: { kind: string; message: string } };
    assert.equal(error.kind, 'write-failed');
    assert.equal(error.message, `Could not write the export ${file}: the folder does not exist. Nothing was written.`);
    assert.deepEqual(
      await readdir(temp.path).then((names) => names.filter((name) => name.startsWith('missing'))),
      [],
      'no folder was made for it',
    );
  });
});
