import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstAnswer } from '../../../../renderer/wizard/first-answer';

describe('an answer asked before the first render', () => {
  it('goes to the first read alone: a refresh asks again rather than show the start-up answer twice', async () => {
    const take = firstAnswer(Promise.resolve('at start'));
    assert.equal(await take(), 'at start');
    assert.equal(take(), undefined);
    assert.equal(take(), undefined);
  });
});
