import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// First: the stand-in window.tuner must be in place before first-asks loads and asks.
import { asked } from '../../helpers/recording-tuner';
import { firstAsks } from '../../../renderer/first-asks';

describe("the page's first questions", () => {
  it('leave as the module loads, the status and the diagnosis together, each for the first read alone', async () => {
    assert.deepEqual(asked, ['getStatus', 'diagnose'], 'neither waits for the other, nor for a render');
    assert.deepEqual(await firstAsks.status(), { ok: true, value: 'getStatus' });
    assert.deepEqual(await firstAsks.diagnosis(), { ok: true, value: 'diagnose' });
    assert.equal(firstAsks.status(), undefined, 'a refresh asks again');
    assert.equal(firstAsks.diagnosis(), undefined);
  });
});
