import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { TunerError } from '../../electron/services/errors';
import type { ChangeService } from '../../electron/services/change-service';
import { KEY } from '../helpers/wine-prefix';
import { freshService } from '../helpers/service-bed';
import { withPrefix } from '../helpers/with-prefix';
import { regExport, regImport, regQuery, setValue } from '../helpers/reg-checks';
import { exportedSettings } from '../helpers/cli-bed';

const TUNED = { MaxUserPort: 65534, TcpTimedWaitDelay: 30, acceptUnprotected: true };

describe('ChangeService on a Wine registry', () => {
  let dataDir: string;
  let service: ChangeService;
  const prefix = withPrefix('service');
  beforeEach(async () => ({ dataDir, service } = await freshService(prefix)));

  it('apply then undo on an untouched key leaves both values absent and the rest of the key as it was', async () => {
    const untouched = await regExport(prefix);
    await service.apply(TUNED);
    const applied = await regQuery(prefix);
    assert.deepEqual(applied.MaxUserPort, { type: 'REG_DWORD', data: '0xfffe' });
    assert.deepEqual(applied.TcpTimedWaitDelay, { type: 'REG_DWORD', data: '0x1e' });

    assert.equal((await service.undo({ force: false })).status, 'undone');
    const undone = await regQuery(prefix);
    assert.equal(undone.MaxUserPort, undefined);
    assert.equal(undone.TcpTimedWaitDelay, undefined);
    assert.equal(await regExport(prefix), untouched);
  });

  it('undo restores DWORDs that were there before exactly', async () => {
    await setValue(prefix, 'MaxUserPort', 'REG_DWORD', 40000);
    await setValue(prefix, 'TcpTimedWaitDelay', 'REG_DWORD', 60);
    await service.apply(TUNED);
    await service.undo({ force: false });
    assert.deepEqual(await exportedSettings(prefix), [
      '"MaxUserPort"=dword:00009c40',
      '"TcpTimedWaitDelay"=dword:0000003c',
    ]);
  });

  const wrongTypes: { type: string; data: string | string[] }[] = [
    { type: 'REG_SZ', data: '65534' },
    { type: 'REG_SZ', data: 'größter "Port" C:\\Ports\\' },
    { type: 'REG_EXPAND_SZ', data: '%MAXPORT%' },
    { type: 'REG_MULTI_SZ', data: ['65534', '60000'] },
    { type: 'REG_QWORD', data: '65534' },
    { type: 'REG_BINARY', data: 'feff0000' },
  ];
  for (const { type, data } of wrongTypes) {
    const shown = Array.isArray(data) ? `[${data.join(', ')}]` : `"${data}"`;
    it(`undo brings back a MaxUserPort stored as ${type} ${shown} with the same type and data`, async () => {
      await setValue(prefix, 'MaxUserPort', type, data);
      const [before] = await exportedSettings(prefix);
      assert.ok(before, 'the wrong-type value was arranged');
      await service.apply(TUNED);
      assert.deepEqual((await regQuery(prefix)).MaxUserPort, { type: 'REG_DWORD', data: '0xfffe' });
      await service.undo({ force: false });
      assert.deepEqual(await exportedSettings(prefix), [before, undefined]);
      assert.equal((await regQuery(prefix)).MaxUserPort?.type, type);
    });
  }

  it('undo brings back values whose names were stored in other letter case, names and all', async () => {
    await setValue(prefix, 'maxuserport', 'REG_DWORD', 5000);
    await setValue(prefix, 'TCPTIMEDWAITDELAY', 'REG_DWORD', 240);
    const before = await regExport(prefix);
    await service.apply(TUNED);
    assert.deepEqual((await service.status()).values, {
      MaxUserPort: { present: true, type: 'REG_DWORD', data: 65534 },
      TcpTimedWaitDelay: { present: true, type: 'REG_DWORD', data: 30 },
    });
    await service.undo({ force: false });
    assert.equal(await regExport(prefix), before);
  });

  it('undo after two applies returns to the values from before the first', async () => {
    await setValue(prefix, 'MaxUserPort', 'REG_DWORD', 40000);
    await service.apply({ MaxUserPort: 50000, TcpTimedWaitDelay: 100, acceptUnprotected: true });
    await service.apply(TUNED);
    await service.undo({ force: false });
    assert.deepEqual(await exportedSettings(prefix), ['"MaxUserPort"=dword:00009c40', undefined]);
  });

  it('undo refuses, naming the value and changing nothing, when someone else changed a value; force restores', async () => {
    await service.apply(TUNED);
    await setValue(prefix, 'MaxUserPort', 'REG_DWORD', 20000);
    const changedByOthers = await regExport(prefix);

    await assert.rejects(service.undo({ force: false }), (error: TunerError) => {
      assert.equal(error.kind, 'undo-refused');
      assert.match(error.message, /MaxUserPort: 65534 after this tool's last change, 20000 now\./);
      assert.doesNotMatch(error.message, /TcpTimedWaitDelay/, 'the value nobody touched is not blamed');
      assert.match(error.message, /Nothing was changed/);
      return true;
    });
    assert.equal(await regExport(prefix), changedByOthers);
    assert.equal((await service.status()).undo !== null, true);

    assert.equal((await service.undo({ force: true })).status, 'undone');
    assert.deepEqual(await exportedSettings(prefix), [undefined, undefined]);
  });

  const priorStates: { title: string; values: [name: string, type: string, data: string][] }[] = [
    {
      title: 'both values were set',
      values: [
        ['MaxUserPort', 'REG_DWORD', '40000'],
        ['TcpTimedWaitDelay', 'REG_SZ', '120'],
      ],
    },
    { title: 'neither value was set', values: [] },
    { title: 'only MaxUserPort was set', values: [['MaxUserPort', 'REG_DWORD', '5000']] },
  ];
  for (const { title, values } of priorStates) {
    it(`a plain reg import of the apply's backup file puts the key back as it was when ${title}`, async () => {
      for (const [name, type, data] of values) await setValue(prefix, name, type, data);
      const before = await regExport(prefix);
      const { backup } = await service.apply(TUNED);
      await regImport(prefix, backup.file);
      assert.equal(await regExport(prefix), before);
    });
  }

  it('status reports the values, the backend, the pending restart, undo and history as they change', async () => {
    await setValue(prefix, 'TcpTimedWaitDelay', 'REG_SZ', 'thirty');
    const fresh = await service.status();
    assert.deepEqual(fresh.values, {
      MaxUserPort: { present: false },
      TcpTimedWaitDelay: { present: true, type: 'REG_SZ', data: 'thirty' },
    });
    assert.equal(fresh.key, KEY);
    assert.equal(fresh.backend, 'reg');
    assert.equal(fresh.canWrite, true);
    assert.equal(fresh.windows.host, 'wine');
    assert.match(fresh.windows.version, /^\d+\.\d+/, "the version comes from the prefix's system.reg");
    assert.equal(fresh.windows.usesDynamicPortRange, true);
    assert.equal(fresh.restartPending, false);
    assert.equal(fresh.undo !== null, false);
    assert.deepEqual(fresh.history, []);
    assert.equal(fresh.dataDir, dataDir);

    await service.apply(TUNED);
    const applied = await service.status();
    assert.deepEqual(applied.values, {
      MaxUserPort: { present: true, type: 'REG_DWORD', data: 65534 },
      TcpTimedWaitDelay: { present: true, type: 'REG_DWORD', data: 30 },
    });
    assert.equal(applied.restartPending, true);
    assert.equal(applied.undo !== null, true);
    assert.equal(applied.history.length, 1);
    assert.equal(applied.history[0].action, 'apply');
    assert.deepEqual(applied.history[0].before, fresh.values);
    assert.deepEqual(applied.history[0].after, applied.values);

    await service.undo({ force: false });
    const undone = await service.status();
    assert.deepEqual(undone.values, fresh.values);
    assert.equal(undone.restartPending, false, 'back to the values Windows started with: no restart is needed');
    assert.equal(undone.undo !== null, false);
    assert.deepEqual(
      undone.history.map((entry) => entry.action),
      ['apply', 'undo'],
    );
  });
});
