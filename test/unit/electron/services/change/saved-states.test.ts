import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KindStates } from '../../../../../electron/services/change/change-kind';
import {
  handChangedView,
  leftAfterUndo,
  mergeStates,
  within,
} from '../../../../../electron/services/change/saved-states';

const ABSENT = { MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: false } } as const;
const TUNED = {
  MaxUserPort: { present: true, payload: 'dword:0000fffe' },
  TcpTimedWaitDelay: { present: true, payload: 'dword:0000001e' },
} as const;
const OPEN = { ipv4: 'open', ipv6: 'open' } as const;
const RESERVED = { ipv4: 'reserved', ipv6: 'reserved' } as const;
const WINDOWS_RANGE = { ipv4: { start: 49152, count: 16384 }, ipv6: { start: 49152, count: 16384 } };
const WIDE_RANGE = { ipv4: { start: 10000, count: 55535 }, ipv6: { start: 10000, count: 55535 } };

describe('saved states combined slot by slot', () => {
  it('a later change adds the ports it reserved to the earlier ones, and its registry and range win whole', () => {
    const earlier: KindStates = {
      registry: ABSENT,
      dynamicRange: WINDOWS_RANGE,
      reservedPorts: { 3306: OPEN, 33060: OPEN },
    };
    const later: KindStates = { registry: TUNED, dynamicRange: WIDE_RANGE, reservedPorts: { 33060: RESERVED } };
    assert.deepEqual(mergeStates(earlier, later), {
      registry: TUNED,
      dynamicRange: WIDE_RANGE,
      reservedPorts: { 3306: OPEN, 33060: RESERVED },
    });
  });

  it('a kind only the earlier states hold is kept', () => {
    const merged = mergeStates({ registry: ABSENT, reservedPorts: { 3306: OPEN } }, { registry: TUNED });
    assert.deepEqual(merged, { registry: TUNED, reservedPorts: { 3306: OPEN } });
  });

  it('trimmed to a scope, only the kinds and slots the scope has are kept, as the states hold them', () => {
    const states: KindStates = {
      registry: ABSENT,
      dynamicRange: WIDE_RANGE,
      reservedPorts: { 3306: OPEN, 33060: OPEN },
    };
    const scope = { registry: TUNED, reservedPorts: { 33060: RESERVED } };
    assert.deepEqual(within(states, scope), { registry: ABSENT, reservedPorts: { 33060: OPEN } });
  });

  it('an undo that put every part back leaves nothing, even where the registry reads otherwise', () => {
    const baseline: KindStates = { registry: ABSENT, dynamicRange: WINDOWS_RANGE, reservedPorts: { 3306: OPEN } };
    assert.equal(leftAfterUndo(baseline, { ...baseline, registry: TUNED }), null);
  });

  it('an undo that kept a reservation leaves that port as the baseline had it, with the registry', () => {
    const baseline: KindStates = {
      registry: ABSENT,
      dynamicRange: WINDOWS_RANGE,
      reservedPorts: { 3306: OPEN, 33060: OPEN },
    };
    const target: KindStates = { ...baseline, reservedPorts: { 3306: RESERVED, 33060: OPEN } };
    assert.deepEqual(leftAfterUndo(baseline, target), { registry: ABSENT, reservedPorts: { 3306: OPEN } });
  });

  it('a settle counts the slots changed by hand as this tool wrote them, and no other slot or kind', () => {
    const prior: KindStates = {
      registry: ABSENT,
      dynamicRange: WINDOWS_RANGE,
      reservedPorts: { 3306: OPEN, 33060: OPEN },
    };
    const target: KindStates = {
      registry: TUNED,
      dynamicRange: WIDE_RANGE,
      reservedPorts: { 3306: RESERVED, 33060: RESERVED },
    };
    const view = handChangedView(prior, target, { reservedPorts: new Set(['33060']), dynamicRange: new Set() });
    assert.deepEqual(view, { registry: ABSENT, reservedPorts: { 3306: OPEN, 33060: RESERVED } });
  });
});
