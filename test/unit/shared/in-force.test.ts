import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeInForce, effectiveValues, inForce, valueProblem, withUnit } from '../../../shared/in-force';
import type { ValueState } from '../../../shared/registry-value';

const absent: ValueState = { present: false };
const dword = (data: number): ValueState => ({ present: true, type: 'REG_DWORD', data });
const text = (data: string): ValueState => ({ present: true, type: 'REG_SZ', data });

describe('valueProblem', () => {
  it('says why Windows ignores a value stored with another type, or outside its range', () => {
    assert.equal(
      valueProblem('MaxUserPort', text('65534')),
      'MaxUserPort is stored as REG_SZ, not REG_DWORD, so Windows ignores it.',
    );
    assert.equal(
      valueProblem('MaxUserPort', dword(4999)),
      'MaxUserPort is 4999, outside the valid range 5000 to 65534.',
    );
    assert.equal(
      valueProblem('TcpTimedWaitDelay', dword(301)),
      'TcpTimedWaitDelay is 301, outside the valid range 30 to 300.',
    );
  });

  it('finds nothing wrong with a value in range, or with none at all', () => {
    assert.equal(valueProblem('MaxUserPort', dword(5000)), null);
    assert.equal(valueProblem('TcpTimedWaitDelay', dword(300)), null);
    assert.equal(valueProblem('MaxUserPort', absent), null);
  });
});

describe('inForce', () => {
  it("is the value's own number when Windows uses it", () => {
    assert.deepEqual(inForce('TcpTimedWaitDelay', dword(30)), { value: 30, fromDefault: false });
  });

  it("is Windows' default when the value is absent or ignored", () => {
    assert.deepEqual(inForce('TcpTimedWaitDelay', absent), { value: 120, fromDefault: true });
    assert.deepEqual(inForce('TcpTimedWaitDelay', text('30')), { value: 120, fromDefault: true });
    assert.deepEqual(inForce('MaxUserPort', dword(70000)), { value: 5000, fromDefault: true });
  });

  it('leaves out of effectiveValues every value Windows would not use', () => {
    assert.deepEqual(effectiveValues({ MaxUserPort: dword(65534), TcpTimedWaitDelay: text('30') }), {
      MaxUserPort: 65534,
      TcpTimedWaitDelay: undefined,
    });
  });
});

describe('describeInForce, as status prints it', () => {
  it('a value in use: its number in its unit', () => {
    assert.equal(describeInForce('MaxUserPort', dword(65534), true), '65534');
    assert.equal(describeInForce('TcpTimedWaitDelay', dword(30), true), '30 seconds');
  });

  it('MaxUserPort not set: the dynamic range decides on Vista and later, 5000 before', () => {
    assert.equal(describeInForce('MaxUserPort', absent, true), 'Not set: the dynamic port range decides');
    assert.equal(describeInForce('MaxUserPort', absent, false), 'Not set: Windows uses 5000');
  });

  it("TcpTimedWaitDelay not set: Windows' 120 seconds, on every version", () => {
    assert.equal(describeInForce('TcpTimedWaitDelay', absent, true), 'Not set: Windows uses 120 seconds');
    assert.equal(describeInForce('TcpTimedWaitDelay', absent, false), 'Not set: Windows uses 120 seconds');
  });

  it('a value Windows ignores: what is stored, that it is ignored, and what Windows uses instead', () => {
    assert.equal(
      describeInForce('TcpTimedWaitDelay', text('30'), true),
      'REG_SZ "30", ignored: Windows uses 120 seconds',
    );
    assert.equal(describeInForce('MaxUserPort', dword(1024), true), '1024, ignored: the dynamic port range decides');
  });

  it('writes seconds only for the setting measured in seconds', () => {
    assert.equal(withUnit('TcpTimedWaitDelay', 60), '60 seconds');
    assert.equal(withUnit('MaxUserPort', 60000), '60000');
  });
});
