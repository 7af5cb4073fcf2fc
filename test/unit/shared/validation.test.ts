import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateSetting } from '../../../shared/validation';

const PORT_RULE = 'MaxUserPort must be a whole number from 5000 to 65534; ';
const DELAY_RULE = 'TcpTimedWaitDelay must be a whole number from 30 to 300; ';

describe('validateSetting', () => {
  describe('accepts the edges of each range and nothing past them', () => {
    const cases: [name: 'MaxUserPort' | 'TcpTimedWaitDelay', input: string, accepted: boolean][] = [
      ['MaxUserPort', '4999', false],
      ['MaxUserPort', '5000', true],
      ['MaxUserPort', '65534', true],
      ['MaxUserPort', '65535', false],
      ['TcpTimedWaitDelay', '29', false],
      ['TcpTimedWaitDelay', '30', true],
      ['TcpTimedWaitDelay', '300', true],
      ['TcpTimedWaitDelay', '301', false],
    ];
    for (const [name, input, accepted] of cases) {
      it(`${name} ${input} is ${accepted ? 'accepted' : 'refused as out of range'}`, () => {
        const rule = name === 'MaxUserPort' ? PORT_RULE : DELAY_RULE;
        const expected = accepted
          ? { ok: true, value: Number(input) }
          : { ok: false, message: `${rule}${input} is out of range.` };
        assert.deepEqual(validateSetting(name, input), expected);
        assert.deepEqual(
          validateSetting(name, Number(input)),
          expected,
          'the same answer for the number as for the text',
        );
      });
    }
  });

  describe('refuses typed text that is not a plain whole number, saying what was typed', () => {
    const cases: [input: string, reason: string][] = [
      ['', 'nothing was entered'],
      ['   ', 'only spaces were entered'],
      [' 5000', '" 5000" has a space before or after it'],
      ['65534 ', '"65534 " has a space before or after it'],
      ['\t30', '"\t30" has a space before or after it'],
      ['abc', '"abc" is not a number'],
      ['12.5', '"12.5" has a fraction'],
      ['65534.', '"65534." has a fraction'],
      ['6,5534', '"6,5534" has a fraction'],
      ['1e4', '"1e4" uses an exponent'],
      ['6.5E4', '"6.5E4" uses an exponent'],
      ['+5000', '"+5000" has a sign'],
      ['-30', '"-30" has a sign'],
      ['0x1388', '"0x1388" is not a number'],
      ['65 534', '"65 534" is not a number'],
      ['６５５３４', '"６５５３４" is not a number'],
      ['1'.repeat(40), '"111111111111…" is too long'],
    ];
    for (const [input, reason] of cases) {
      it(JSON.stringify(input.length > 20 ? `${input.slice(0, 20)}…` : input), () => {
        assert.deepEqual(validateSetting('MaxUserPort', input), { ok: false, message: `${PORT_RULE}${reason}.` });
      });
    }
  });

  it('takes text exactly as given: a pasted line break is refused, not trimmed away', () => {
    assert.deepEqual(validateSetting('MaxUserPort', ' 65534\n'), {
      ok: false,
      message: `${PORT_RULE}" 65534\n" has a space before or after it.`,
    });
  });

  it('takes the longest number that can be in range but refuses one digit more', () => {
    assert.deepEqual(validateSetting('TcpTimedWaitDelay', '0000000030'), { ok: true, value: 30 });
    assert.deepEqual(validateSetting('TcpTimedWaitDelay', '00000000030'), {
      ok: false,
      message: `${DELAY_RULE}"00000000030" is too long.`,
    });
  });

  describe('refuses numbers that are not whole and finite', () => {
    const cases: [input: number, reason: string][] = [
      [Number.NaN, 'NaN is not a number'],
      [Number.POSITIVE_INFINITY, 'Infinity is not a number'],
      [Number.NEGATIVE_INFINITY, '-Infinity is not a number'],
      [30.5, '30.5 has a fraction'],
      [-30, '-30 is out of range'],
    ];
    for (const [input, reason] of cases) {
      it(String(input), () => {
        assert.deepEqual(validateSetting('TcpTimedWaitDelay', input), {
          ok: false,
          message: `${DELAY_RULE}${reason}.`,
        });
      });
    }
  });

  it('accepts a number however it was written in code, since it is already a number', () => {
    assert.deepEqual(validateSetting('MaxUserPort', 1e4), { ok: true, value: 10000 });
  });

  it('refuses anything that is neither text nor a number', () => {
    for (const input of [undefined, null, true, [65534], { value: 65534 }]) {
      assert.deepEqual(validateSetting('MaxUserPort', input), {
        ok: false,
        message: `${PORT_RULE}no number was given.`,
      });
    }
  });
});
