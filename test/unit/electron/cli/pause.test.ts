import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pause } from '../../../../electron/cli/pause';

describe('pause', () => {
  it('waits its time out when nothing stops it', async () => {
    assert.equal(await pause(1, new AbortController().signal), true);
  });

  it('ends at once, saying so, when Ctrl+C comes during the wait', async () => {
    const stop = new AbortController();
    // An hour's wait: only the abort can end it before the test runner's own timeout.
    const waited = pause(3_600_000, stop.signal);
    stop.abort();
    assert.equal(await waited, false);
  });

  it('does not start waiting once already stopped', async () => {
    const stop = new AbortController();
    stop.abort();
    assert.equal(await pause(3_600_000, stop.signal), false);
  });
});
