/** Tcpip's exhaustion events as wevtutil prints them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEvents } from '../../../../../electron/services/diagnosis/events';
import { windowsFixture as fixture } from '../../../../helpers/captures';

describe('wevtutil', () => {
  it("counts Tcpip's exhaustion events and finds the newest", () => {
    assert.deepEqual(parseEvents(fixture('events.xml')), {
      count: 3,
      latest: '2026-11-24T11:30:00.500Z',
      byId: { 4227: 1, 4231: 2 },
    });
    assert.deepEqual(parseEvents(''), { count: 0, latest: null, byId: { 4227: 0, 4231: 0 } });
  });
});
