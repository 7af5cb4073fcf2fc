/**
 * "Adding a kind is one file and its place in the list": a kind defined only in
 * test/helpers/test-kind.ts goes through apply, a kill mid-write, settling, undo and the change
 * table with no product code knowing it. Each step is checked against the dials themselves and
 * the raw journal file, not the service's own report of them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { KIND_ROWS, rows } from '../../../../../shared/change-rows';
import { memoryEngine } from '../../../../helpers/memory-engine';
import { dialRows, dialsKind, type DialState } from '../../../../helpers/test-kind';
import { tempFolder } from '../../../../helpers/temp-folder';

/** The journal as it is on disk. */
const onDisk = async (file: string) => JSON.parse(await readFile(file, 'utf8'));

describe('a kind the product does not know', () => {
  const temp = tempFolder('test-kind');

  it('is applied, settled after a kill, undone, and shown in the change table', async () => {
    const held: DialState = { north: 1, south: 1 };
    const { kind, hooks } = dialsKind(held);
    const { tuner, journal } = memoryEngine(temp.path, { extraKinds: [kind] });

    // Apply: both dials written and read back, the journal keeps the state before as the baseline.
    hooks.wanted = { north: 5, south: 7 };
    const applied = await tuner.apply({});
    hooks.wanted = undefined;
    assert.deepEqual(held, { north: 5, south: 7 });
    assert.equal(applied.takesEffect, 'at once');
    const first = await onDisk(journal.file);
    assert.deepEqual(first.baseline.states.dials, { north: 1, south: 1 });
    assert.deepEqual(first.lastWritten.dials, { north: 5, south: 7 });
    const table = rows(first.history[0].before, first.history[0].after, [...KIND_ROWS, dialRows]);
    assert.deepEqual(
      table
        .filter((one) => one.key.startsWith('dials.'))
        .map(({ label, before: was, after: now, changed }) => [label, was, now, changed]),
      [
        ['Dial north', '1', '5', true],
        ['Dial south', '1', '7', true],
      ],
    );
    assert.deepEqual(
      table.filter((one) => !one.key.startsWith('dials.')).map((one) => one.changed),
      [false, false],
      'the registry values it left alone read as unchanged',
    );

    // A kill right after the north dial is written: the journal keeps the intent and the step.
    let frozen: { journal: string; dials: DialState } | undefined;
    hooks.wanted = { north: 9, south: 9 };
    hooks.afterWrite = (dial) => {
      if (dial !== 'north' || frozen) return;
      // Synchronous on purpose: nothing of the engine runs between the write and the freeze.
      frozen = { journal: readFileSync(journal.file, 'utf8'), dials: { ...held } };
      throw new Error('killed');
    };
    await tuner.apply({}).catch(() => undefined);
    hooks.wanted = hooks.afterWrite = undefined;
    assert.ok(frozen, 'the change reached the north dial');
    await writeFile(journal.file, frozen.journal);
    Object.assign(held, frozen.dials);
    const killed = await onDisk(journal.file);
    assert.deepEqual(killed.pending.target.dials, { north: 9, south: 9 });
    assert.deepEqual(
      killed.pending.steps.map((step: { kind: string; part: string }) => [step.kind, step.part]),
      [['dials', 'the north dial']],
    );
    assert.deepEqual(held, { north: 9, south: 7 });

    // Settling puts back the dial the recorded step wrote, and nothing else.
    const settled = await tuner.settleInterrupted();
    assert.match(settled?.note ?? '', /^Rolled back the apply interrupted at /);
    assert.deepEqual(held, { north: 5, south: 7 });
    const afterSettle = await onDisk(journal.file);
    assert.equal(afterSettle.pending, null);
    assert.deepEqual(afterSettle.baseline.states.dials, { north: 1, south: 1 }, 'undo still knows the first state');

    // Undo: back to the first state, proven by the dials, and nothing left to undo.
    const undone = await tuner.undo({ force: false });
    assert.equal(undone.status, 'undone');
    assert.deepEqual(held, { north: 1, south: 1 });
    const last = await onDisk(journal.file);
    assert.equal(last.baseline, null);
    assert.deepEqual(last.history.at(-1).before.dials, { north: 5, south: 7 });
    assert.deepEqual(last.history.at(-1).after.dials, { north: 1, south: 1 });
  });

  it('a journal naming the kind is refused by an engine that does not have it', async () => {
    const held: DialState = { north: 1, south: 1 };
    const { kind, hooks } = dialsKind(held);
    const withDials = memoryEngine(temp.path, { extraKinds: [kind] });
    hooks.wanted = { north: 2, south: 2 };
    await withDials.tuner.apply({});
    const without = memoryEngine(temp.path);
    await mkdir(path.dirname(without.journal.file), { recursive: true });
    await writeFile(without.journal.file, await readFile(withDials.journal.file, 'utf8'));
    await assert.rejects(without.journal.read(), /cannot be read \(not in the expected format\)/);
  });
});
