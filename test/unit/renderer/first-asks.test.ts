import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

describe("the page's first questions", () => {
  it('leave as the module loads, the status and the diagnosis together, each for the first read alone', async () => {
    const asked: string[] = [];
    const answer = (channel: string) => () => {
      asked.push(channel);
      return Promise.resolve({ ok: true, value: channel });
    };
    Object.assign(globalThis, { window: { tuner: { getStatus: answer('getStatus'), diagnose: answer('diagnose') } } });
    const { firstAsks } = await import('../../../renderer/first-asks');
    assert.deepEqual(asked, ['getStatus', 'diagnose'], 'neither waits for the other, nor for a render');
    assert.deepEqual(await firstAsks.status(), { ok: true, value: 'getStatus' });
    assert.deepEqual(await firstAsks.diagnosis(), { ok: true, value: 'diagnose' });
    assert.equal(firstAsks.status(), undefined, 'a refresh asks again');
    assert.equal(firstAsks.diagnosis(), undefined);
  });
});
