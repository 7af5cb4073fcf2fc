/**
 * The change engine on an in-memory registry: rollback, undo conflicts, restart pending and backup
 * reuse, each in milliseconds (settling: change-settle.test.ts). test/wine/ proves the same on a real registry.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { TunerError } from '../../../../../electron/services/errors';
import { AUDIT, memoryEngine } from '../../../../helpers/memory-engine';
import { tempFolder } from '../../../../helpers/temp-folder';

describe('the change engine', () => {
  const temp = tempFolder('engine');

  const setUp = (options: { bootTime?: number } = {}) => memoryEngine(temp.path, { ...options, registryOnly: true });

  it('applies a subset, leaves the other value exactly as it was, and records who did it', async () => {
    const { registry, tuner } = setUp();
    registry.set('MaxUserPort', '"65534"');
    const result = await tuner.apply({ TcpTimedWaitDelay: 30 });
    assert.deepEqual(registry.values, {
      MaxUserPort: { present: true, payload: '"65534"' },
      TcpTimedWaitDelay: { present: true, payload: 'dword:0000001e' },
    });
    assert.deepEqual(result.readBack.TcpTimedWaitDelay, { present: true, type: 'REG_DWORD', data: 30 });
    const [entry] = (await tuner.status()).history;
    assert.equal(entry.action, 'apply');
    assert.deepEqual({ user: entry.user, machine: entry.machine, version: entry.version }, AUDIT);
  });

  it('puts both values back exactly when the second write fails, and leaves nothing to undo', async () => {
    const { registry, tuner } = setUp();
    registry.set('MaxUserPort', '"65534"');
    registry.failing.add('setDword TcpTimedWaitDelay');
    await assert.rejects(
      tuner.apply({ MaxUserPort: 65534, TcpTimedWaitDelay: 30, acceptUnprotected: true }),
      (error: TunerError) => {
        assert.equal(error.kind, 'registry-failed');
        assert.match(
          error.message,
          /Injected failure of setDword TcpTimedWaitDelay\. Both values were put back as they were\.$/,
        );
        return true;
      },
    );
    assert.deepEqual(registry.values, {
      MaxUserPort: { present: true, payload: '"65534"' },
      TcpTimedWaitDelay: { present: false },
    });
    const status = await tuner.status();
    assert.equal(status.undo, null);
    assert.deepEqual(
      status.history.map((entry) => entry.action),
      ['rollback'],
    );
  });

  it('says the restore failed too, naming the -restore.reg to import, when putting back fails', async () => {
    const { registry, tuner } = setUp();
    registry.failing.add('setDword TcpTimedWaitDelay');
    registry.failing.add('importFile');
    await assert.rejects(
      tuner.apply({ MaxUserPort: 65534, TcpTimedWaitDelay: 30, acceptUnprotected: true }),
      (error: TunerError) => {
        assert.equal(error.kind, 'restore-failed');
        assert.match(
          error.message,
          /Putting the values back failed too \(Injected failure of importFile\.\)\. .*-restore\.reg holds the previous values/,
        );
        return true;
      },
    );
  });

  it('refuses an undo after someone else changed a value, saying from what to what; force undoes anyway', async () => {
    const { registry, tuner } = setUp();
    await tuner.apply({ MaxUserPort: 65534, TcpTimedWaitDelay: 30, acceptUnprotected: true });
    registry.set('TcpTimedWaitDelay', 'dword:0000003c');
    const status = await tuner.status();
    assert.deepEqual(status.outsideChanges, [{ kind: 'registry', name: 'TcpTimedWaitDelay', was: '30', now: '60' }]);
    await assert.rejects(tuner.undo({ force: false }), (error: TunerError) => {
      assert.equal(error.kind, 'undo-refused');
      assert.match(
        error.message,
        /TcpTimedWaitDelay: 30 after this tool's last change, 60 now\. Nothing was changed\./,
      );
      return true;
    });
    assert.equal(
      registry.values.TcpTimedWaitDelay.present && registry.values.TcpTimedWaitDelay.payload,
      'dword:0000003c',
    );
    assert.equal((await tuner.undo({ force: true })).status, 'undone');
    assert.deepEqual(registry.values, { MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: false } });
  });

  it('undo returns to the values before the first change, across several applies', async () => {
    const { registry, tuner } = setUp();
    registry.set('MaxUserPort', 'hex(b):fe,ff,00,00,00,00,00,00');
    await tuner.apply({ MaxUserPort: 50000, acceptUnprotected: true });
    await tuner.apply({ MaxUserPort: 65534, TcpTimedWaitDelay: 30, acceptUnprotected: true });
    await tuner.undo({ force: false });
    assert.deepEqual(registry.values, {
      MaxUserPort: { present: true, payload: 'hex(b):fe,ff,00,00,00,00,00,00' },
      TcpTimedWaitDelay: { present: false },
    });
    assert.equal((await tuner.status()).undo, null);
  });

  it('no longer says a restart is pending once an undo brought back the values Windows started with', async () => {
    const { tuner } = setUp({ bootTime: Date.parse('2025-12-31T00:00:00Z') });
    await tuner.apply({ MaxUserPort: 65534, TcpTimedWaitDelay: 30, acceptUnprotected: true });
    assert.equal((await tuner.status()).restartPending, true);
    await tuner.undo({ force: false });
    assert.equal((await tuner.status()).restartPending, false);
  });

  it('uses the backup just made while the key is unchanged, and makes a new one once it changed', async () => {
    const { registry, tuner } = setUp();
    const made = await tuner.backup();
    const first = await tuner.apply({ TcpTimedWaitDelay: 30 });
    assert.equal(first.backupReused, true);
    assert.equal(first.backup.file, made.file);
    await tuner.backup();
    registry.set('MaxUserPort', 'dword:00001388');
    const second = await tuner.apply({ TcpTimedWaitDelay: 60 });
    assert.equal(second.backupReused, false);
    assert.match(await readFile(second.backup.file, 'utf16le'), /"MaxUserPort"=dword:00001388/);
  });

  describe('refuses an undo whose journal disagrees with the backup it names', () => {
    const cases: [
      what: string,
      edit: (baseline: { states: { registry: object }; backupFile: string }) => void,
      said: RegExp,
    ][] = [
      [
        'a baseline edited to write REG_SZ "evil"',
        (baseline) => Object.assign(baseline.states.registry, { MaxUserPort: { present: true, payload: '"evil"' } }),
        /\(MaxUserPort differ\)/,
      ],
      [
        'a backup file pointing at /etc/passwd',
        (baseline) => Object.assign(baseline, { backupFile: '/etc/passwd' }),
        /\/etc\/passwd \(it is not a file directly in .*backups\)/,
      ],
      [
        'a backup that was deleted',
        (baseline) => Object.assign(baseline, { backupFile: `${baseline.backupFile}.gone.reg` }),
        /\(it cannot be read\)/,
      ],
    ];
    for (const [what, edit, said] of cases) {
      it(what, async () => {
        const { registry, journal, tuner } = setUp();
        await tuner.apply({ MaxUserPort: 65534, TcpTimedWaitDelay: 30, acceptUnprotected: true });
        const record = await journal.read();
        assert.ok(record.baseline);
        edit(record.baseline);
        await journal.write(record);
        const before = structuredClone(registry.values);
        await assert.rejects(tuner.undo({ force: true }), (error: TunerError) => {
          assert.equal(error.kind, 'undo-refused');
          assert.match(error.message, said);
          assert.match(error.message, /Nothing was changed\./);
          return true;
        });
        assert.deepEqual(registry.values, before);
        assert.deepEqual(
          registry.calls.filter((call) => call === 'importFile'),
          [],
        );
      });
    }
  });
});
