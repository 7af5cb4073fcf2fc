/**
 * Settling a change a crash left half-done, on an in-memory registry and netsh: finished when
 * all of it took, rolled back part by part otherwise, and a part changed by hand since keeps its
 * baseline, so undo still knows what this tool changed. test/wine/ proves the same for real.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { memoryEngine } from '../../../../helpers/memory-engine';
import { tempFolder } from '../../../../helpers/temp-folder';
import { interruptedUndo } from '../../../../helpers/journal-fixtures';

describe('settling an interrupted change', () => {
  const temp = tempFolder('settle');
  const setUp = () => memoryEngine(temp.path, { registryOnly: true });

  describe('settles an operation a crash left half-done', () => {
    it('finishes an undo whose import went through, leaving nothing more to undo', async () => {
      const { registry, journal, tuner } = setUp();
      await tuner.apply({ MaxUserPort: 65534, TcpTimedWaitDelay: 30, acceptUnprotected: true });
      const record = await journal.read();
      assert.ok(record.baseline && record.lastWritten);
      // A process killed right after its import: the intent is on disk, the registry holds the target.
      await journal.write(interruptedUndo(record, 'b.reg'));
      registry.set('MaxUserPort', null);
      registry.set('TcpTimedWaitDelay', null);
      const settled = await tuner.settleInterrupted();
      assert.equal(
        settled?.note,
        'Finished the undo interrupted at T: it had written every part; settling wrote nothing.',
      );
      const after = await tuner.status();
      assert.equal(after.undo, null);
      assert.deepEqual(
        registry.calls.filter((call) => call === 'importFile'),
        [],
        'nothing written to finish it',
      );
    });

    it('rolls back an apply stopped after one of its two writes, and leaves values someone changed since', async () => {
      const { registry, journal, engine, makeBackup, dataDir } = setUp();
      registry.set('TcpTimedWaitDelay', 'dword:00000078');
      const prior = { registry: { ...registry.values } };
      // Settling writes only what the operation's own backup vouches for: a real one, as apply makes.
      const backup = (await makeBackup(path.join(dataDir, 'backups'))).file;
      const target = {
        registry: {
          MaxUserPort: { present: true, payload: 'dword:0000fffe' },
          TcpTimedWaitDelay: { present: true, payload: 'dword:0000001e' },
        },
      } as const;
      const pending = {
        operation: 'apply',
        startedAt: '2026-01-01T00:00:00Z',
        prior,
        target,
        backupFile: backup,
      } as const;
      const base = { ...(await journal.read()), baseline: { states: prior, backupFile: backup, at: 'x' }, pending };

      registry.set('MaxUserPort', 'dword:0000fffe');
      const rolledBack = await engine.settle(base);
      assert.equal(rolledBack.note, 'Rolled back the apply interrupted at 2026-01-01T00:00:00Z.');
      assert.deepEqual(
        [rolledBack.before.MaxUserPort, rolledBack.after.MaxUserPort],
        [{ present: true, type: 'REG_DWORD', data: 65534 }, { present: false }],
        'the history shows what settling wrote: from the value found to the one put back',
      );
      assert.deepEqual(registry.values, prior.registry);
      assert.equal((await journal.read()).baseline, null, 'a first apply that never took leaves nothing to undo');

      registry.set('MaxUserPort', 'dword:00002710');
      const left = await engine.settle(base);
      assert.equal(
        left.note,
        'Put nothing back after the apply interrupted at 2026-01-01T00:00:00Z: left as found MaxUserPort (now 10000; this tool was setting 65534), ' +
          "changed since by hand or with no record of this tool setting it. Undo (with --force) puts back the values from before this tool's first change.",
      );
      assert.equal(registry.values.MaxUserPort.present && registry.values.MaxUserPort.payload, 'dword:00002710');

      registry.set('MaxUserPort', 'dword:0000fffe');
      registry.set('TcpTimedWaitDelay', 'dword:0000001e');
      const finished = await engine.settle(base);
      assert.equal(
        finished.note,
        'Finished the apply interrupted at 2026-01-01T00:00:00Z: it had written every part; settling wrote nothing.',
      );
      assert.deepEqual((await journal.read()).lastWritten, target);
    });
  });
});
