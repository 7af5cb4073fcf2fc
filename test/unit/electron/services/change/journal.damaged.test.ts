import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { TunerError } from '../../../../../electron/services/errors';
import { AFTER_ONE_APPLY, TUNED, freshJournal } from '../../../../helpers/journal-fixtures';
import { tempFolder } from '../../../../helpers/temp-folder';

describe('Journal', () => {
  const temp = tempFolder('journal-damaged');

  describe('a damaged journal stops every change with a message the user can act on', () => {
    const damage: [what: string, content: string, reason: string][] = [
      ['cut off mid-write', '{"version": 1, "baseline": ', 'not valid JSON'],
      ['empty', '', 'not valid JSON'],
      ['from a newer version', JSON.stringify({ ...AFTER_ONE_APPLY, version: 3 }), 'not in the expected format'],
      ['not an object', '[]', 'not in the expected format'],
      [
        'with a saved value that would add lines to a restore file',
        JSON.stringify({
          ...AFTER_ONE_APPLY,
          lastWritten: {
            registry: {
              ...TUNED,
              MaxUserPort: { present: true, payload: 'dword:0000fffe\r\n[HKEY_LOCAL_MACHINE\\X]' },
            },
          },
        }),
        'not in the expected format',
      ],
      [
        'with a saved state that names a third registry value',
        JSON.stringify({
          ...AFTER_ONE_APPLY,
          lastWritten: { registry: { ...TUNED, TcpNumConnections: { present: true, payload: 'dword:00000001' } } },
        }),
        'not in the expected format',
      ],
      [
        'with a saved state of a kind this tool does not have',
        JSON.stringify({ ...AFTER_ONE_APPLY, lastWritten: { registry: TUNED, firewall: { enabled: false } } }),
        'not in the expected format',
      ],
      [
        'with a history entry of an unknown kind',
        JSON.stringify({ ...AFTER_ONE_APPLY, history: [{ action: 'tune' }] }),
        'not in the expected format',
      ],
    ];
    for (const [what, content, reason] of damage) {
      it(what, async () => {
        const { journal, dir, backupDir } = freshJournal(temp.path);
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
      const { journal } = freshJournal(temp.path);
      await mkdir(journal.file, { recursive: true });
      await assert.rejects(journal.read(), (error: TunerError) => {
        assert.equal(error.kind, 'journal-failed');
        assert.equal(
          error.message,
          `The change journal ${journal.file} is a folder, not a plain file; this tool never reads or writes through one. Nothing was changed there. Move it away and run again.`,
        );
        return true;
      });
    });
  });
});
