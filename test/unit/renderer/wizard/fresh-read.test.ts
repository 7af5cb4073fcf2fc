import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshRead } from '../../../../renderer/wizard/fresh-read';

/** A read that records when each run starts and finishes only when told to. */
function controlledRead() {
  const runs: { finish: () => void }[] = [];
  const read = () => new Promise<void>((resolve) => runs.push({ finish: resolve }));
  return { runs, read };
}

describe('a read that answers with data read after the asking', () => {
  it('asked while one runs, it waits for that one and then reads again', async () => {
    const { runs, read } = controlledRead();
    const ask = freshRead(read);
    void ask();
    let answered = false;
    const second = ask().then(() => (answered = true));
    assert.equal(runs.length, 1, 'no second read runs beside the first');
    runs[0].finish();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(runs.length, 2, 'a new read starts once the first is done');
    assert.equal(answered, false, 'the caller is not answered by the read that predates it');
    runs[1].finish();
    await second;
  });

  it('however many ask meanwhile, one read waits, and it serves them all', async () => {
    const { runs, read } = controlledRead();
    const ask = freshRead(read);
    void ask();
    const waiting = [ask(), ask(), ask()];
    runs[0].finish();
    await new Promise((resolve) => setImmediate(resolve));
    runs[1].finish();
    await Promise.all(waiting);
    assert.equal(runs.length, 2);
  });

  it('asked when nothing runs, it reads at once', async () => {
    const { runs, read } = controlledRead();
    const done = freshRead(read)();
    assert.equal(runs.length, 1);
    runs[0].finish();
    await done;
  });
});
