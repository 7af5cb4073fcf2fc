import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TunerError } from '../../../../../electron/services/errors';
import { EMPTY_JOURNAL, Journal, type JournalData } from '../../../../../electron/services/change/journal';
import { JOURNAL_KINDS } from '../../../../../electron/services/change/kind-states';
import { freshPath, makeTempRoot, removeTempRoot } from '../../../../helpers/wine';

const TUNED = {
  MaxUserPort: { present: true, payload: 'dword:0000fffe' },
  TcpTimedWaitDelay: { present: true, payload: 'dword:0000001e' },
} as const;
const BEFORE = { MaxUserPort: { present: true, payload: '"65534"' }, TcpTimedWaitDelay: { present: false } } as const;

const AFTER_ONE_APPLY: JournalData = {
  version: 2,
  baseline: {
    states: { registry: BEFORE },
    backupFile: 'C:\\ProgramData\\TCP Port Tuner\\backups\\Tcpip-Parameters-2025-01-02_03-04-05-678.reg',
    at: '2025-01-02T03:04:05.678Z',
  },
  lastWritten: { registry: TUNED },
  pending: null,
  lastChangeAt: '2025-01-02T03:04:06.000Z',
  sinceBoot: { at: '2025-01-02T03:04:05.678Z', registry: BEFORE },
  history: [
    {
      at: '2025-01-02T03:04:06.000Z',
      action: 'apply',
      before: { MaxUserPort: { present: true, type: 'REG_SZ', data: '65534' }, TcpTimedWaitDelay: { present: false } },
      after: {
        MaxUserPort: { present: true, type: 'REG_DWORD', data: 65534 },
        TcpTimedWaitDelay: { present: true, type: 'REG_DWORD', data: 30 },
      },
      backupFile: 'C:\\ProgramData\\TCP Port Tuner\\backups\\Tcpip-Parameters-2025-01-02_03-04-05-678.reg',
    },
  ],
};

describe('Journal', () => {
  let root: string;
  before(async () => {
    root = await makeTempRoot('journal');
  });
  after(() => removeTempRoot(root));

  /** A journal in a folder of its own that does not exist yet. */
  function freshJournal(): { journal: Journal; dir: string; backupDir: string } {
    const dir = freshPath(root, 'data');
    const backupDir = path.join(dir, 'backups');
    return { journal: new Journal(dir, backupDir, JOURNAL_KINDS), dir, backupDir };
  }

  it('reads as empty where no journal was ever written', async () => {
    const { journal } = freshJournal();
    assert.deepEqual(await journal.read(), EMPTY_JOURNAL);
    assert.deepEqual(await journal.history(), []);
  });

  it('reads as empty where a file stands in place of its folder (none can be there), and refuses to write there', async () => {
    const blocker = freshPath(root, 'blocker');
    await writeFile(blocker, '');
    const journal = new Journal(path.join(blocker, 'data'), path.join(blocker, 'data', 'backups'), JOURNAL_KINDS);
    assert.deepEqual(await journal.read(), EMPTY_JOURNAL);
    await assert.rejects(journal.write(AFTER_ONE_APPLY));
  });

  it('gives back what it was given, creating its folder', async () => {
    const { journal } = freshJournal();
    await journal.write(AFTER_ONE_APPLY);
    assert.deepEqual(await journal.read(), AFTER_ONE_APPLY);
    assert.deepEqual(await journal.history(), AFTER_ONE_APPLY.history);
  });

  it('replaces the file whole and leaves no temporary file behind', async () => {
    const { journal, dir } = freshJournal();
    await journal.write(AFTER_ONE_APPLY);
    await journal.write({ ...AFTER_ONE_APPLY, lastWritten: null });
    assert.deepEqual(await readdir(dir), ['journal.json']);
    assert.equal((await journal.read()).lastWritten, null);
    assert.deepEqual(JSON.parse(await readFile(journal.file, 'utf8')), { ...AFTER_ONE_APPLY, lastWritten: null });
  });

  it("never writes through links planted at the old temporary name (journal.json.<pid>.tmp) or at journal.json itself", async () => {
    const { journal, dir } = freshJournal();
    const outside = freshPath(root, 'outside');
    await writeFile(outside, 'an outside file');
    const mtime = (await stat(outside)).mtimeMs;
    await mkdir(dir);
    await symlink(outside, `${journal.file}.${process.pid}.tmp`);
    await journal.write(AFTER_ONE_APPLY);
    assert.deepEqual(await journal.read(), AFTER_ONE_APPLY);
    await rm(journal.file);
    await symlink(outside, journal.file);
    const told = (error: TunerError) => error.kind === 'journal-failed' && /^The change journal .*journal\.json is a link or junction, not a plain file/.test(error.message);
    await assert.rejects(journal.write(AFTER_ONE_APPLY), told);
    await assert.rejects(journal.read(), told);
    assert.equal(await readFile(outside, 'utf8'), 'an outside file');
    assert.equal((await stat(outside)).mtimeMs, mtime);
  });

  it('refuses a journal past its size limit instead of reading it into memory', async () => {
    const { journal, dir } = freshJournal();
    await mkdir(dir);
    await writeFile(journal.file, '');
    await truncate(journal.file, 16 * 1024 * 1024 + 1);
    await assert.rejects(journal.read(), (error: TunerError) => error.kind === 'journal-failed' && /is larger than 16777216 bytes/.test(error.message));
  });

  it('reads a journal written by version 0.1.0 (one registry snapshot) with nothing lost', async () => {
    const { journal, dir } = freshJournal();
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
      pending: { operation: 'apply', startedAt: 'x', prior: { registry: BEFORE }, target: { registry: TUNED }, backupFile: 'b.reg' },
    });
  });

  describe('a damaged journal stops every change with a message the user can act on', () => {
    const damage: [what: string, content: string, reason: string][] = [
      ['cut off mid-write', '{"version": 1, "baseline": ', 'not valid JSON'],
      ['empty', '', 'not valid JSON'],
      ['from a newer version', JSON.stringify({ ...AFTER_ONE_APPLY, version: 3 }), 'not in the expected format'],
      ['not an object', '[]', 'not in the expected format'],
      [
        'with a saved value that would add lines to a restore file',
        JSON.stringify({ ...AFTER_ONE_APPLY, lastWritten: { registry: { ...TUNED, MaxUserPort: { present: true, payload: 'dword:0000fffe\r\n[HKEY_LOCAL_MACHINE\\X]' } } } }),
        'not in the expected format',
      ],
      [
        'with a saved state that names a third registry value',
        JSON.stringify({ ...AFTER_ONE_APPLY, lastWritten: { registry: { ...TUNED, TcpNumConnections: { present: true, payload: 'dword:00000001' } } } }),
        'not in the expected format',
      ],
      [
        'with a saved state of a kind this tool does not have',
        JSON.stringify({ ...AFTER_ONE_APPLY, lastWritten: { registry: TUNED, firewall: { enabled: false } } }),
        'not in the expected format',
      ],
      ['with a history entry of an unknown kind', JSON.stringify({ ...AFTER_ONE_APPLY, history: [{ action: 'tune' }] }), 'not in the expected format'],
    ];
    for (const [what, content, reason] of damage) {
      it(what, async () => {
        const { journal, dir, backupDir } = freshJournal();
        await mkdir(dir, { recursive: true });
        await writeFile(journal.file, content);
        await assert.rejects(journal.read(), (error: TunerError) => {
          assert.ok(error instanceof TunerError);
          assert.equal(error.kind, 'journal-unreadable');
          assert.equal(
            error.message,
            `The change journal ${journal.file} cannot be read (${reason}). Nothing was changed. ` +
              `The .reg backups in ${backupDir} are still usable with 'reg import'. Move the damaged journal aside to start a new one.`,
          );
          return true;
        });
      });
    }

    it('a folder where the journal should be is refused as not a plain file: exit 7, one plain line', async () => {
      const { journal } = freshJournal();
      await mkdir(journal.file, { recursive: true });
      await assert.rejects(journal.read(), (error: TunerError) => {
        assert.equal(error.kind, 'journal-failed');
        assert.equal(error.message, `The change journal ${journal.file} is a folder, not a plain file; this tool never reads or writes through one. Nothing was changed there. Move it away and run again.`);
        return true;
      });
    });
  });
});
