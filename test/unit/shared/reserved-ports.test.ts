import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { portList, validateReservedPorts } from '../../../shared/reserved-ports';

const RULE = 'A port to reserve must be a whole number from 1 to 65535; ';

describe('validateReservedPorts', () => {
  it('takes ports as typed on the command line or sent by the wizard, and hands them back sorted', () => {
    assert.deepEqual(validateReservedPorts('33060,3306'), { ok: true, value: [3306, 33060] });
    assert.deepEqual(validateReservedPorts([33060, 3306]), { ok: true, value: [3306, 33060] });
    assert.deepEqual(validateReservedPorts(['1', '65535']), { ok: true, value: [1, 65535] });
  });

  it('names the port given twice, however it was written', () => {
    assert.deepEqual(validateReservedPorts('3306,3306'), { ok: false, messages: ['Port 3306 is named twice.'] });
    assert.deepEqual(validateReservedPorts([3306, '3306']), { ok: false, messages: ['Port 3306 is named twice.'] });
  });

  it('refuses more than 16 ports, saying how many were given', () => {
    const seventeen = Array.from({ length: 17 }, (_, index) => 1000 + index);
    assert.deepEqual(validateReservedPorts(seventeen), {
      ok: false,
      messages: ['At most 16 ports can be reserved at once; 17 were given.'],
    });
    assert.equal(validateReservedPorts(seventeen.slice(1)).ok, true, '16 is allowed');
  });

  it('says what is wrong with each bad port once, and that nothing at all was named', () => {
    assert.deepEqual(validateReservedPorts([]), { ok: false, messages: ['Name at least one port to reserve.'] });
    assert.deepEqual(validateReservedPorts(''), { ok: false, messages: [`${RULE}nothing was entered.`] });
    assert.deepEqual(validateReservedPorts('0,65536'), {
      ok: false,
      messages: [`${RULE}0 is out of range.`, `${RULE}65536 is out of range.`],
    });
    assert.deepEqual(validateReservedPorts('70000,70000'), { ok: false, messages: [`${RULE}70000 is out of range.`] });
    assert.deepEqual(validateReservedPorts('3306, 33060'), {
      ok: false,
      messages: [`${RULE}" 33060" has a space before or after it.`],
    });
  });

  it('refuses anything that is neither a list nor text', () => {
    for (const input of [undefined, null, 3306, { 0: 3306 }]) {
      assert.deepEqual(
        validateReservedPorts(input),
        { ok: false, messages: ['Name at least one port to reserve.'] },
        JSON.stringify(input),
      );
    }
  });
});

describe('portList', () => {
  it('names ports as a sentence does', () => {
    assert.equal(portList([3306]), '3306');
    assert.equal(portList([3306, 33060]), '3306 and 33060');
    assert.equal(portList([3306, 33060, 33061]), '3306, 33060 and 33061');
  });
});
