import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDispatcher, type MainServices } from '../../../../electron/ipc/dispatch';
import { TunerError } from '../../../../electron/services/errors';

/** Services that record what reached them: the point is what the dispatcher lets through. */
function recordingServices(picked: string | null = null) {
  const calls: { method: string; args: unknown[] }[] = [];
  // What the services answer does not matter here, only whether and how they were called.
  const record =
    (method: string, answer: unknown = {}) =>
    async (...args: unknown[]): Promise<never> => {
      calls.push({ method, args });
      if (answer instanceof Error) throw answer;
      return answer as never;
    };
  const services: MainServices = {
    tuner: {
      status: record('status'),
      useBackupFolder: (folder: string) => void calls.push({ method: 'useBackupFolder', args: [folder] }),
      backup: record('backup'),
      apply: record('apply'),
      undo: record('undo', new TunerError('undo-refused', 'Undo stopped: someone changed the values.')),
    },
    restart: { restart: record('restart'), cancel: record('cancel') },
    diagnosis: { diagnose: record('diagnose'), checkDataFolder: record('checkDataFolder') },
    sampler: { sample: record('sample') },
    chooseFolder: async () => picked,
    chooseSaveFile: async (name: string) => {
      calls.push({ method: 'chooseSaveFile', args: [name] });
      return null;
    },
    relaunchAsAdmin: record('relaunchAsAdmin', new Error('boom\n    at secret/stack.ts:1:1')),
    probe: record('probe'),
  };
  return { services, calls };
}

describe('the main-side dispatcher', () => {
  it('refuses out-of-range, textual and missing values before any service sees them', async () => {
    const { services, calls } = recordingServices();
    const dispatch = createDispatcher(services);
    const result = await dispatch('apply', { MaxUserPort: 70000, TcpTimedWaitDelay: '30.5' });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.kind, 'invalid-input');
    assert.match(
      !result.ok ? result.error.message : '',
      /MaxUserPort must be a whole number from 5000 to 65534; 70000 is out of range\./,
    );
    assert.match(!result.ok ? result.error.message : '', /TcpTimedWaitDelay .* "30\.5" has a fraction/);
    assert.equal((await dispatch('apply', {})).ok, false);
    assert.deepEqual(calls, []);
  });

  it('refuses extra fields, so a request cannot name a third registry value or a path', async () => {
    const { services, calls } = recordingServices();
    const dispatch = createDispatcher(services);
    const extra = await dispatch('apply', { MaxUserPort: 65534, TcpTimedWaitDelay: 30, TcpNumConnections: 1 });
    const path = await dispatch('createBackup', { folder: 'C:\\Windows\\System32' });
    assert.equal(extra.ok || path.ok, false);
    assert.deepEqual(calls, []);
  });

  it('refuses channels the contract does not name, including inherited object keys', async () => {
    const { services, calls } = recordingServices();
    const dispatch = createDispatcher(services);
    for (const channel of ['deleteKey', 'toString', '__proto__', 'constructor']) {
      const result = await dispatch(channel, {});
      assert.equal(result.ok, false, channel);
      assert.equal(!result.ok && result.error.kind, 'invalid-input');
    }
    assert.deepEqual(calls, []);
  });

  it('passes valid values on as numbers, with the backup folder picked in the main-side dialog', async () => {
    const picked = 'D:\\Backups\\tcp';
    const { services, calls } = recordingServices(picked);
    const dispatch = createDispatcher(services);
    assert.deepEqual(await dispatch('chooseBackupFolder', {}), { ok: true, value: { folder: picked } });
    assert.deepEqual(calls.at(-1), { method: 'useBackupFolder', args: [picked] });
    assert.equal((await dispatch('apply', { MaxUserPort: '65534', TcpTimedWaitDelay: 30 })).ok, true);
    assert.deepEqual(calls.at(-1), { method: 'apply', args: [{ MaxUserPort: 65534, TcpTimedWaitDelay: 30 }] });
  });

  it('passes on only the values given, and refuses a request that changes nothing', async () => {
    const { services, calls } = recordingServices();
    const dispatch = createDispatcher(services);
    assert.equal((await dispatch('apply', { TcpTimedWaitDelay: '30' })).ok, true);
    assert.deepEqual(calls.at(-1), { method: 'apply', args: [{ TcpTimedWaitDelay: 30 }] });
    const nothing = await dispatch('apply', {});
    assert.match(
      !nothing.ok ? nothing.error.message : '',
      /Choose at least one value to change\. Nothing was changed\./,
    );
    assert.equal(calls.length, 1);
  });

  it('keeps the folder in use when the dialog is cancelled', async () => {
    const { services, calls } = recordingServices(null);
    const dispatch = createDispatcher(services);
    assert.deepEqual(await dispatch('chooseBackupFolder', {}), { ok: true, value: { folder: null } });
    await dispatch('createBackup', {});
    assert.deepEqual(calls, [{ method: 'backup', args: [] }]);
  });

  it('returns failures as plain typed results, never a stack trace', async () => {
    const { services } = recordingServices();
    const dispatch = createDispatcher(services);
    assert.deepEqual(await dispatch('undo', { force: false }), {
      ok: false,
      error: { kind: 'undo-refused', message: 'Undo stopped: someone changed the values.' },
    });
    const unexpected = await dispatch('relaunchAsAdmin', {});
    assert.equal(!unexpected.ok && unexpected.error.kind, 'unexpected');
    assert.doesNotMatch(!unexpected.ok ? unexpected.error.message : '', /stack\.ts|\n/);
  });
});
