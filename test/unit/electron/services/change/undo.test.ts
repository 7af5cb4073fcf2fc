/**
 * Issue 26 item 1 on an in-memory registry and netsh: the MySQL manual's fix (MaxUserPort 65534,
 * TcpTimedWaitDelay 30, 3306 and 33060 reserved), a restart that reshapes the range to
 * 1024-65534, then undo. The range comes back, 3306 stays reserved until no range covers it,
 * and the result never says "back as it was" while a part is not. test/wine/ and e2e prove the
 * same with reg.exe and the netsh stand-in.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryEngine } from '../../../../helpers/memory-engine';
import { tempFolder } from '../../../../helpers/temp-folder';
import { interruptedUndo } from '../../../../helpers/journal-fixtures';

const MANUAL = { MaxUserPort: 65534, TcpTimedWaitDelay: 30, reservePorts: [3306, 33060] };
const DEFAULT = { start: 49152, count: 16384 };
const RESHAPED = { start: 1024, count: 64511 };

describe('undo after a change that set MaxUserPort', () => {
  const temp = tempFolder('undo');

  function reshape(world: ReturnType<typeof memoryEngine>, range: { start: number; count: number }): void {
    world.restart();
    world.netsh.pools.ipv4.range = { ...range };
    world.netsh.pools.ipv6.range = { ...range };
  }

  it('records the range it did not set as baseline, and undo after the reshape puts the range back and then releases the ports', async () => {
    const world = memoryEngine(temp.path);
    const before = structuredClone({ values: world.registry.values, pools: world.netsh.pools });
    await world.tuner.apply(MANUAL);
    const record = await world.journal.read();
    assert.deepEqual(
      record.baseline?.states.dynamicRange,
      { ipv4: DEFAULT, ipv6: DEFAULT },
      'the range is in the baseline though the change did not set it',
    );
    assert.deepEqual(
      world.netsh.calls.filter((call) => call.startsWith('setRange')),
      [],
      'and it was not written',
    );

    reshape(world, RESHAPED);
    assert.deepEqual((await world.tuner.status()).outsideChanges, [], "the reshape is the tool's own side effect");
    const calls = world.netsh.calls.length;
    const result = await world.tuner.undo({ force: false });
    assert.equal(result.status, 'undone');
    assert.deepEqual(result.stillChanged, []);
    assert.deepEqual(result.now.dynamicRange, { ipv4: DEFAULT, ipv6: DEFAULT });
    assert.deepEqual(result.before.dynamicRange, { ipv4: RESHAPED, ipv6: RESHAPED });
    const writes = world.netsh.calls
      .slice(calls)
      .filter((call) => call.startsWith('set') || call.startsWith('release'));
    assert.deepEqual(
      writes.slice(0, 2),
      ['setRange ipv4', 'setRange ipv6'],
      'the range is back before any port is released',
    );
    assert.deepEqual(world.registry.values, before.values);
    assert.deepEqual(world.netsh.pools, before.pools);
    assert.equal((await world.journal.read()).baseline, null, 'nothing is left to undo');
  });

  it('starts four registry processes: one read of the whole key beside the backup export to prove it, the import and the read-back', async () => {
    const world = memoryEngine(temp.path);
    const before = structuredClone(world.registry.values);
    await world.tuner.apply(MANUAL);
    const calls = world.registry.calls.length;
    assert.equal((await world.tuner.undo({ force: false })).status, 'undone');
    // Each call is one reg.exe: a second read of the key here would cost undo a process it does not need.
    assert.deepEqual(world.registry.calls.slice(calls), ['readTree', 'exportKey', 'importFile', 'exportKey']);
    assert.deepEqual(world.registry.values, before, 'both values are back');
  });

  it('keeps a reservation the range after the next restart still covers, says so, and keeps it in the journal for a later undo', async () => {
    const world = memoryEngine(temp.path);
    // An admin's MaxUserPort 60000 from before the tool: at the next restart after undo the range is 1024-60000 again.
    world.registry.set('MaxUserPort', 'dword:0000ea60');
    await world.tuner.apply(MANUAL);
    reshape(world, RESHAPED);
    const result = await world.tuner.undo({ force: false });
    assert.equal(result.status, 'undone');
    const why = (label: string) =>
      `after the next restart the ${label} range will be 1024 to 60000 (58,977 ports) (MaxUserPort), which covers it`;
    assert.deepEqual(
      result.stillChanged.map((part) => `${part.name}: ${part.now}: ${part.why}`),
      [3306, 33060].flatMap((port) =>
        ['IPv4', 'IPv6'].map((label) => `port ${port} (${label}): reserved: ${why(label)}`),
      ),
    );
    assert.deepEqual(world.netsh.pools.ipv4.range, DEFAULT, 'the range itself is back');
    assert.deepEqual(
      world.netsh.pools.ipv4.exclusions.map((range) => range.start),
      [3306, 33060],
      'MySQL keeps its ports',
    );
    assert.deepEqual(
      world.registry.values.MaxUserPort,
      { present: true, payload: 'dword:0000ea60' },
      "the admin's MaxUserPort is back",
    );
    const record = await world.journal.read();
    assert.deepEqual(
      Object.keys(record.baseline?.states.reservedPorts ?? {}),
      ['3306', '33060'],
      'the journal keeps them for a later undo',
    );
    assert.deepEqual(record.lastWritten?.reservedPorts?.['3306'], { ipv4: 'reserved', ipv6: 'reserved' });
    assert.notEqual((await world.tuner.status()).undo, null, 'undo is still offered');
  });
});

describe('settling at the wizard start', () => {
  const temp = tempFolder('wizard-settle');

  it('status reports the unfinished change without settling it; the wizard start settles it and status hands the notice over', async () => {
    const world = memoryEngine(temp.path);
    await world.tuner.apply({ MaxUserPort: 65534, acceptUnprotected: true });
    const record = await world.journal.read();
    assert.ok(record.lastWritten && record.baseline);
    // An undo killed right after its intent: nothing written yet.
    await world.journal.write(interruptedUndo(record, record.baseline.backupFile));
    const reading = await world.tuner.status();
    assert.equal(reading.unfinished?.operation, 'undo');
    assert.deepEqual(reading.unfinished?.parts, [], 'every part reads as before the undo');
    assert.equal(reading.settledAtStart, null);
    assert.notEqual((await world.journal.read()).pending, null, 'status left it pending');

    const settled = await world.tuner.settleForWizard();
    assert.equal(settled?.outcome, 'settled');
    const status = await world.tuner.status();
    assert.equal(status.unfinished, null);
    assert.deepEqual(status.settledAtStart, settled);
    assert.match(status.settledAtStart?.message ?? '', /^Put nothing back after the undo interrupted at T\.$/);
  });
});
