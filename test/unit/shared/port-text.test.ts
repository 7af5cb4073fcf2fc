/** The one wording of ports: what the wizard, diagnose and watch print for ranges, exclusions and owners. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  endpointText,
  exclusionOwner,
  exclusionText,
  ownReservedPorts,
  portWithProcess,
  processText,
  rangeText,
} from '../../../shared/port-text';

describe('port text', () => {
  it('words a range with its last port and its size', () => {
    assert.equal(rangeText({ start: 49152, count: 16384 }), '49152 to 65535 (16,384 ports)');
    assert.equal(rangeText({ start: 1025, count: 64511 }), '1025 to 65535 (64,511 ports)');
  });

  it("labels the tool's own one-port reservation apart from an administrator's and Windows' own", () => {
    const own = new Set([3306]);
    assert.equal(
      exclusionText({ start: 3306, end: 3306 }, exclusionOwner({ start: 3306, end: 3306, administered: true }, own)),
      '3306 (reserved by TCP Port Tuner)',
    );
    assert.equal(
      exclusionText(
        { start: 33060, end: 33060 },
        exclusionOwner({ start: 33060, end: 33060, administered: true }, own),
      ),
      '33060 (added by an administrator)',
    );
    // A Hyper-V block that happens to cover 3306 is still not this tool's.
    assert.equal(
      exclusionText({ start: 3300, end: 3399 }, exclusionOwner({ start: 3300, end: 3399, administered: false }, own)),
      '3300 to 3399 (reserved by Windows for Hyper-V, WSL or a service)',
    );
  });

  it('knows its own ports from the baseline undo would restore: open before, so reserved by this tool', () => {
    const baseline = { 3306: { ipv4: 'open', ipv6: 'covered' }, 33060: { ipv4: 'reserved', ipv6: 'open' } };
    assert.deepEqual([...ownReservedPorts(baseline, 'ipv4')], [3306]);
    assert.deepEqual([...ownReservedPorts(baseline, 'ipv6')], [33060]);
    assert.deepEqual([...ownReservedPorts(undefined, 'ipv4')], []);
  });

  it('names ports, processes and endpoints as netstat and tasklist do', () => {
    assert.equal(portWithProcess(3306, 'mysqld.exe'), '3306 (mysqld.exe)');
    assert.equal(portWithProcess(3306, null), '3306');
    assert.equal(processText(4120, 'php-cgi.exe'), 'php-cgi.exe (PID 4120)');
    assert.equal(processText(4120, null), 'PID 4120');
    assert.equal(endpointText('10.0.0.5', 3306), '10.0.0.5:3306');
    assert.equal(endpointText('fe80::1%4', 3306), '[fe80::1%4]:3306');
  });
});
