import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApi } from '../../../shared/api';
import { CHANNEL_NAMES } from '../../../shared/channels';

describe('the API the wizard talks to', () => {
  it('has exactly one method per contract channel, each sent over the transport by name', async () => {
    const sent: unknown[] = [];
    const api = createApi(async (channel, request) => {
      sent.push([channel, request]);
      return { ok: true, value: {} };
    });
    assert.deepEqual(Object.keys(api).sort(), [...CHANNEL_NAMES].sort());
    assert.deepEqual(await api.undo({ force: true }), { ok: true, value: {} });
    assert.deepEqual(sent, [['undo', { force: true }]]);
  });

  it('turns a transport that fails outright (IPC gone, server stopped) into a plain failure result', async () => {
    const api = createApi(async () => {
      throw new Error('Failed to fetch');
    });
    assert.deepEqual(await api.getStatus({}), {
      ok: false,
      error: { kind: 'unexpected', message: 'The request did not complete: Failed to fetch' },
    });
  });
});
