import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { TunerError } from '../../../../../electron/services/errors';
import { EMPTY_JOURNAL, Journal } from '../../../../../electron/services/change/journal';
import { JOURNAL_KINDS } from '../../../../../electron/services/change/kind-states';
import { AFTER_ONE_APPLY, BEFORE, TUNED, freshJournal } from '../../../../helpers/journal-fixtures';
import { tempFolder } from '../../../../helpers/temp-folder';

describe('Journal', () => {
  const temp = tempFolder('journal');

  it('reads as empty where no journal was ever written', async () => {
    const { journal } = freshJournal(temp.path);
    assert.deepEqual(await journal.read(), EMPTY_JOURNAL);
    assert.deepEqual(await journal.history(), []);
  });

  it('reads as empty where a file stands in place of its folder (none can be there), and refuses to write there', async () => {
    const blocker = temp.fresh('blocker');
    await writeFile(blocker, '');
    const journal = new Journal(path.join(blocker, 'data'), path.join(blocker, 'data', 'backups'), JOURNAL_KINDS);
    assert.deepEqual(await journal.read(), EMPTY_JOURNAL);
    await assert.rejects(journal.write(AFTER_ONE_APPLY));
  });

  it('gives back what it was given, creating its folder', async () => {
    const { journal } = freshJournal(temp.path);
    await journal.write(AFTER_ONE_APPLY);
    assert.deepEqual(await journal.read(), AFTER_ONE_APPLY);
    assert.deepEqual(await journal.history(), AFTER_ONE_APPLY.history);
  });

  it('replaces the file whole and leaves no temporary file behind', async () => {
    const { journal, dir } = freshJournal(temp.path);
    await journal.write(AFTER_ONE_APPLY);
    await journal.write({ ...AFTER_ONE_APPLY, lastWritten: null });
    assert.deepEqual(await readdir(dir), ['journal.json']);
    assert.equal((await journal.read()).lastWritten, null);
    assert.deepEqual(JSON.parse(await readFile(journal.file, 'utf8')), { ...AFTER_ONE_APPLY, lastWritten: null });
  });

  it('never writes through links planted at the old temporary name (journal.json.<pid>.tmp) or at journal.json itself', async () => {
    const { journal, dir } = freshJournal(temp.path);
    const outside = temp.fresh('outside');
    await writeFile(outside, 'an outside file');
    const mtime = (await stat(outside)).mtimeMs;
    await mkdir(dir);
    await symlink(outside, `${journal.file}.${process.pid}.tmp`);
    await journal.write(AFTER_ONE_APPLY);
    assert.deepEqual(await journal.read(), AFTER_ONE_APPLY);
    await rm(journal.file);
    await symlink(outside, journal.file);
    const told = (error: TunerError) =>
      error.kind === 'journal-failed' &&
      /^The change journal .*journal\.json is a link or junction, not a plain file/.test(error.message);
    await assert.rejects(journal.write(AFTER_ONE_APPLY), told);
    await assert.rejects(journal.read(), told);
    assert.equal(await readFile(outside, 'utf8'), 'an outside file');
    assert.equal((await stat(outside)).mtimeMs, mtime);
  });

  it('refuses a journal past its size limit instead of reading it into memory', async () => {
    const { journal, dir } = freshJournal(temp.path);
    await mkdir(dir);
    await writeFile(journal.file, '');
    await truncate(journal.file, 16 * 1024 * 1024 + 1);
    await assert.rejects(
      journal.read(),
      (error: TunerError) => error.kind === 'journal-failed' && /is larger than 16777216 bytes/.test(error.message),
    );
  });

  it('reads a journal written by version 0.1.0 (one registry snapshot) with nothing lost', async () => {
    const { journal, dir } = freshJournal(temp.path);
    const { baseline, lastWritten, sinceBoot: _none, ...rest } = AFTER_ONE_APPLY;
    const old = {
      ...rest,
      version: 1,
      baseline: baseline && { snapshot: baseline.states.registry, backupFile: baseline.backupFile, at: baseline.at },
      lastWritten: lastWritten?.registry,
      pending: { operation: 'apply', startedAt: 'x', prior: BEFORE, target: TUNED, backupFile: 'b.reg' },
    };
    await mkdir(dir, { recursive: true });
    await writeFile(journal.file, JSON.stringify(old));
    assert.deepEqual(await journal.read(), {
      ...AFTER_ONE_APPLY,
      sinceBoot: null,
      pending: {
        operation: 'apply',
        startedAt: 'x',
        prior: { registry: BEFORE },
        target: { registry: TUNED },
        backupFile: 'b.reg',
      },
    });
  });
});
