import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeValue, isDword, sameState, type ValueState } from '../../../shared/registry-value';

describe('describeValue', () => {
  it('shows a DWORD as its number, and any other type with its name and data', () => {
    assert.equal(describeValue({ present: true, type: 'REG_DWORD', data: 65534 }), '65534');
    assert.equal(describeValue({ present: true, type: 'REG_SZ', data: '65534' }), 'REG_SZ "65534"');
    assert.equal(describeValue({ present: true, type: 'REG_MULTI_SZ', data: ['30', '60'] }), 'REG_MULTI_SZ "30, 60"');
  });

  it('says when a value is not set, or when its data could not be read', () => {
    assert.equal(describeValue({ present: false }), 'not set');
    assert.equal(describeValue({ present: true, type: 'REG_QWORD' }), 'REG_QWORD (data not readable)');
  });
});

describe('isDword', () => {
  it('is true only for a REG_DWORD of exactly that number', () => {
    assert.equal(isDword({ present: true, type: 'REG_DWORD', data: 30 }, 30), true);
    assert.equal(isDword({ present: true, type: 'REG_DWORD', data: 31 }, 30), false);
    assert.equal(isDword({ present: true, type: 'REG_SZ', data: '30' }, 30), false);
    assert.equal(isDword({ present: false }, 30), false);
  });
});

describe('sameState', () => {
  const qword: ValueState = { present: true, type: 'REG_QWORD', data: '30' };

  it('compares type and data, lists by their items', () => {
    assert.equal(
      sameState({ present: true, type: 'REG_DWORD', data: 30 }, { present: true, type: 'REG_DWORD', data: 30 }),
      true,
    );
    assert.equal(
      sameState({ present: true, type: 'REG_DWORD', data: 30 }, { present: true, type: 'REG_SZ', data: '30' }),
      false,
    );
    assert.equal(
      sameState(
        { present: true, type: 'REG_MULTI_SZ', data: ['a', 'b'] },
        { present: true, type: 'REG_MULTI_SZ', data: ['a', 'b'] },
      ),
      true,
    );
    assert.equal(
      sameState(
        { present: true, type: 'REG_MULTI_SZ', data: ['a', 'b'] },
        { present: true, type: 'REG_MULTI_SZ', data: ['b', 'a'] },
      ),
      false,
    );
  });

  it('tells a value that is there from one that is not', () => {
    assert.equal(sameState({ present: false }, { present: false }), true);
    assert.equal(sameState({ present: false }, qword), false);
    assert.equal(sameState(qword, { present: false }), false);
  });

  it('does not hold data one side could not show against it, but still compares the type', () => {
    assert.equal(sameState(qword, { present: true, type: 'REG_QWORD' }), true);
    assert.equal(sameState(qword, { present: true, type: 'REG_BINARY' }), false);
  });
});
