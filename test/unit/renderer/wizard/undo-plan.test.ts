import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { undoLoad, undoLoadWarning, undoNotes, type Baseline } from '../../../../renderer/wizard/undo-plan';

const NOT_SET = { MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: false } } as const;
const DEFAULT = { start: 49152, count: 16384 };
// What the tool recorded before it changed the range to 33061-65535 and reserved 3306.
const BASELINE: Baseline = {
  at: '2026-12-07T15:00:00Z',
  values: {
    ...NOT_SET,
    dynamicRange: { ipv4: DEFAULT, ipv6: DEFAULT },
    reservedPorts: { 3306: { ipv4: 'open', ipv6: 'open' } },
  },
};
const HYPER_V = { start: 50000, end: 50159, administered: false };
const OWN_3306 = { start: 3306, end: 3306, administered: true };

describe('undo under load', () => {
  it('weighs the ports held now against the baseline range less the exclusions that stay, and warns when they do not fit', () => {
    const [load, other] = undoLoad(
      BASELINE,
      { ipv4: 26060, ipv6: 40 },
      { ipv4: [OWN_3306, HYPER_V], ipv6: [OWN_3306] },
    );
    // Hyper-V's 160 ports stay out of the pool; this tool's 3306 is released by undo and lies outside the range anyway.
    assert.deepEqual(load, { family: 'ipv4', held: 26060, range: DEFAULT, poolAfter: 16224, exclusionsRead: true });
    assert.equal(other.family, 'ipv6');
    assert.equal(
      undoLoadWarning(load),
      'Undo would leave 16,224 ports, fewer than the 26,060 held now (IPv4): connections will fail until load drops.',
    );
  });

  it('says nothing where the load fits, and counts the whole range where the exclusions were not read', () => {
    const [load] = undoLoad(BASELINE, { ipv4: 900, ipv6: 0 }, { ipv4: null, ipv6: null });
    assert.equal(load.poolAfter, 16384);
    assert.equal(load.exclusionsRead, false);
    assert.equal(undoLoadWarning(load), null);
  });

  it('makes up no pool where the baseline has no range or nothing held was read', () => {
    assert.deepEqual(undoLoad({ ...BASELINE, values: NOT_SET }, { ipv4: 26060, ipv6: 0 }, { ipv4: [], ipv6: [] }), []);
    assert.deepEqual(undoLoad(BASELINE, null, { ipv4: [], ipv6: [] }), []);
  });
});

describe('the undo plan', () => {
  const baseline = {
    at: 't',
    values: { MaxUserPort: { present: true, type: 'REG_SZ', data: '65534' }, TcpTimedWaitDelay: { present: false } },
  } as const;
  const now = {
    MaxUserPort: { present: true, type: 'REG_DWORD', data: 65534 },
    TcpTimedWaitDelay: { present: true, type: 'REG_DWORD', data: 30 },
  } as const;

  it('says what the table cannot: a restored REG_SZ is ignored by Windows again, and a change made outside the tool is overwritten', () => {
    const outside = [
      { kind: 'registry', name: 'TcpTimedWaitDelay', was: '30', now: '60' },
      {
        kind: 'dynamicRange',
        name: 'the IPv4 dynamic port range',
        was: '33061 to 65535 (32,475 ports)',
        now: '40000 to 65535 (25,536 ports)',
      },
    ] as const;
    assert.deepEqual(undoNotes(baseline, [...outside]), [
      "TcpTimedWaitDelay: 30 after this tool's last change, 60 now. Undo overwrites that.",
      "The IPv4 dynamic port range: 33061 to 65535 (32,475 ports) after this tool's last change, 40000 to 65535 (25,536 ports) now. Undo overwrites that.",
      'Windows will ignore MaxUserPort again: MaxUserPort is stored as REG_SZ, not REG_DWORD, so Windows ignores it.',
    ]);
    assert.deepEqual(undoNotes({ at: 't', values: now }), []);
  });
});
