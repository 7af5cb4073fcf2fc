import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  freePorts,
  holdIn,
  inRange,
  portsToProtect,
  rangeWithMaxUserPort,
  recommendRange,
} from '../../../shared/port-pool';
import { validateDynamicRange } from '../../../shared/port-range';
import { portsAtRisk } from '../../../electron/services/diagnosis/pool';

describe('the port pool', () => {
  it('free ports are the range less the exclusions inside it, counted once', () => {
    assert.equal(freePorts({ start: 49152, count: 16384 }, []), 16384);
    assert.equal(
      freePorts({ start: 49152, count: 16384 }, [
        { start: 50000, end: 50059 },
        { start: 50050, end: 50099 },
        { start: 5357, end: 5357 },
      ]),
      16384 - 100,
    );
  });

  it('MaxUserPort gives the range seen on real machines after a restart: 1024 to MaxUserPort', () => {
    assert.deepEqual(rangeWithMaxUserPort(65534), { start: 1024, count: 64511 });
  });

  it('recommends a range ending at 65535, starting above MySQL and the well-known service ports, the same whatever is excluded', () => {
    assert.deepEqual(recommendRange(), { start: 33063, count: 32473 });
    // Listening or not: Group Replication's 33061 and admin_port's 33062 stay outside with 3306 and 33060.
    for (const port of [3306, 33060, 33061, 33062])
      assert.equal(inRange(port, recommendRange()), false, `${port} is outside`);
    // Hyper-V's block and WSD's 5357 are holes, not walls: the range keeps its top and counts 160 fewer free ports.
    assert.equal(
      freePorts(recommendRange(), [
        { start: 5357, end: 5357 },
        { start: 50000, end: 50159 },
      ]),
      32473 - 160,
    );
  });

  it("protects the fixed listening ports and MySQL's that a range covers, where no exclusion holds them already", () => {
    const none = { ipv4: [], ipv6: [] };
    // 47001 (WinRM) listens below the default range, so it is fixed; 49664 took its port from the range.
    assert.deepEqual(
      portsToProtect(recommendRange(), [1433, 47001, 49664], { start: 49152, count: 16384 }, none),
      [47001],
    );
    // MySQL's four, listening or not, once MaxUserPort's range covers them.
    assert.deepEqual(
      portsToProtect(rangeWithMaxUserPort(65534), [1433], { start: 49152, count: 16384 }, none),
      [1433, 3306, 33060, 33061, 33062],
    );
    // MaxUserPort 5000 makes 1024-5000: of MySQL's, only 3306 is inside.
    assert.deepEqual(portsToProtect(rangeWithMaxUserPort(5000), [], { start: 49152, count: 16384 }, none), [3306]);
    // A range the DBA types that starts at 33062 covers admin_port alone.
    assert.deepEqual(portsToProtect({ start: 33062, count: 32474 }, [], { start: 49152, count: 16384 }, none), [33062]);
    // 3306 reserved already in both families, 33060-33062 inside an admin's block in IPv4 only: still open in IPv6.
    const held = {
      ipv4: [
        { start: 3306, end: 3306, administered: true },
        { start: 33000, end: 33100, administered: true },
      ],
      ipv6: [{ start: 3306, end: 3306, administered: true }],
    };
    assert.deepEqual(portsToProtect(rangeWithMaxUserPort(65534), [], null, held), [33060, 33061, 33062]);
  });

  it('tells a one-port exclusion (the form this tool adds) from a port inside another block', () => {
    const exclusions = [
      { start: 3306, end: 3306, administered: true },
      { start: 50000, end: 50159, administered: false },
    ];
    assert.deepEqual(
      [holdIn(exclusions, 3306), holdIn(exclusions, 50001), holdIn(exclusions, 33060)],
      ['reserved', 'covered', 'open'],
    );
  });

  it("warns of MySQL's ports and listening ports inside the range now or the range MaxUserPort would make", () => {
    const listening = [
      { port: 1433, process: 'sqlservr.exe' },
      { port: 49664, process: 'lsass.exe' },
    ];
    assert.deepEqual(portsAtRisk(listening, { start: 49152, count: 16384 }), [
      { port: 1433, process: 'sqlservr.exe', range: 'with-max-user-port' },
      { port: 49664, process: 'lsass.exe', range: 'now' },
      { port: 3306, process: null, range: 'with-max-user-port' },
      { port: 33060, process: null, range: 'with-max-user-port' },
    ]);
    assert.deepEqual(
      portsAtRisk([], { start: 1024, count: 64511 }).map((risk) => [risk.port, risk.range]),
      [
        [3306, 'now'],
        [33060, 'now'],
      ],
    );
  });
});

describe('a dynamic range typed or sent', () => {
  it("is checked against Windows' limits, saying which and by how much", () => {
    assert.deepEqual(validateDynamicRange('10000', '55536'), { ok: true, value: { start: 10000, count: 55536 } });
    assert.deepEqual(validateDynamicRange(1025, 255), { ok: true, value: { start: 1025, count: 255 } });
    assert.deepEqual(validateDynamicRange('1024', '300'), {
      ok: false,
      messages: ['The dynamic range start must be a whole number from 1025 to 65535; 1024 is out of range.'],
    });
    assert.deepEqual(validateDynamicRange('65281', '256'), {
      ok: false,
      messages: ['The dynamic range 65281 + 256 ports would end at 65536, past 65535; start at 65280 or lower.'],
    });
    assert.equal(validateDynamicRange('49152', '254.0').ok, false);
    assert.equal(validateDynamicRange(undefined, '300').ok, false);
  });
});
