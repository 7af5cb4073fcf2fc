import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freePorts, rangeWithMaxUserPort, recommendRange } from '../../shared/port-pool';
import { validateDynamicRange } from '../../shared/port-range';
import { portsAtRisk } from '../../electron/services/diagnosis/pool';

describe('the port pool', () => {
  it('free ports are the range less the exclusions inside it, counted once', () => {
    assert.equal(freePorts({ start: 49152, count: 16384 }, []), 16384);
    assert.equal(freePorts({ start: 49152, count: 16384 }, [{ start: 50000, end: 50059 }, { start: 50050, end: 50099 }, { start: 5357, end: 5357 }]), 16384 - 100);
  });

  it('MaxUserPort gives the range seen on real machines after a restart: 1024 to MaxUserPort', () => {
    assert.deepEqual(rangeWithMaxUserPort(65534), { start: 1024, count: 64511 });
  });

  it('recommends the widest range that leaves out MySQL, listening ports and exclusions', () => {
    // Nothing else listens: the widest block is above MySQL X's 33060.
    assert.deepEqual(recommendRange([], []), { start: 33061, count: 32475 });
    // SQL Server's 1433 is below MySQL; an administered exclusion high up splits the top block.
    assert.deepEqual(recommendRange([1433, 8080], [{ start: 50000, end: 50059 }]), { start: 8081, count: 24979 });
    // Blocks under 255 ports never count.
    const crowded = Array.from({ length: 300 }, (_, index) => 1025 + index * 215);
    assert.equal(recommendRange(crowded, []), null);
  });

  it("warns of MySQL's ports and listening ports inside the range now or the range MaxUserPort would make", () => {
    const listening = [{ port: 1433, process: 'sqlservr.exe' }, { port: 49664, process: 'lsass.exe' }];
    assert.deepEqual(portsAtRisk(listening, { start: 49152, count: 16384 }), [
      { port: 1433, process: 'sqlservr.exe', range: 'with-max-user-port' },
      { port: 49664, process: 'lsass.exe', range: 'now' },
      { port: 3306, process: null, range: 'with-max-user-port' },
      { port: 33060, process: null, range: 'with-max-user-port' },
    ]);
    assert.deepEqual(portsAtRisk([], { start: 1024, count: 64511 }).map((risk) => [risk.port, risk.range]), [[3306, 'now'], [33060, 'now']]);
  });
});

describe('a dynamic range typed or sent', () => {
  it("is checked against Windows' limits, saying which and by how much", () => {
    assert.deepEqual(validateDynamicRange('10000', '55536'), { ok: true, value: { start: 10000, count: 55536 } });
    assert.deepEqual(validateDynamicRange(1025, 255), { ok: true, value: { start: 1025, count: 255 } });
    assert.deepEqual(validateDynamicRange('1024', '300'), { ok: false, messages: ['The dynamic range start must be a whole number from 1025 to 65535; 1024 is out of range.'] });
    assert.deepEqual(validateDynamicRange('65281', '256'), { ok: false, messages: ['The dynamic range 65281 + 256 ports would end at 65536, past 65535; start at 65280 or lower.'] });
    assert.equal(validateDynamicRange('49152', '254.0').ok, false);
    assert.equal(validateDynamicRange(undefined, '300').ok, false);
  });
});
