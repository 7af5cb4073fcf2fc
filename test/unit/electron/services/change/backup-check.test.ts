/**
 * Nothing is written that no backup vouches for: journal edits within its schema, and a planted
 * pending entry, are refused before any write, naming the journal. Status compares every kind,
 * and Windows' own reshaping of the range by the tool's MaxUserPort is the tool's side effect.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TunerError } from '../../../../../electron/services/errors';
import type { JournalData } from '../../../../../electron/services/change/journal';
import { memoryEngine } from '../../../../helpers/memory-engine';
import { tempFolder } from '../../../../helpers/temp-folder';

describe('the journal against its backups, and status across kinds', () => {
  const temp = tempFolder('engine-tamper');

  async function applied() {
    const world = memoryEngine(temp.path);
    world.netsh.exclude('ipv4', 8080);
    world.netsh.exclude('ipv6', 8080);
    await world.tuner.apply({
      MaxUserPort: 65534,
      dynamicRange: { start: 33061, count: 32475 },
      reservePorts: [3306, 8080],
      acceptUnprotected: true,
    });
    const machine = () => structuredClone({ values: world.registry.values, pools: world.netsh.pools });
    return { ...world, machine, applied: machine() };
  }

  const edits: [string, (record: JournalData) => void, RegExp][] = [
    [
      'a baseline range edited to 1025-1279',
      (record) =>
        Object.assign(record.baseline?.states ?? {}, {
          dynamicRange: { ipv4: { start: 1025, count: 255 }, ipv6: { start: 1025, count: 255 } },
        }),
      /the IPv4 dynamic port range differs/,
    ],
    [
      "a baseline that says the admin's 8080 was open",
      (record) => Object.assign(record.baseline?.states.reservedPorts ?? {}, { 8080: { ipv4: 'open', ipv6: 'open' } }),
      /port 8080 differs/,
    ],
    [
      'a baseline that adds 445 on both families',
      (record) =>
        Object.assign(record.baseline?.states.reservedPorts ?? {}, { 445: { ipv4: 'reserved', ipv6: 'reserved' } }),
      /port 445 is not recorded there/,
    ],
  ];
  for (const [what, edit, said] of edits) {
    it(`undo refuses ${what}, naming the journal, and writes nothing`, async () => {
      const { journal, tuner, machine, applied: before } = await applied();
      const record = await journal.read();
      edit(record);
      await journal.write(record);
      await assert.rejects(tuner.undo({ force: true }), (error: TunerError) => {
        assert.equal(error.kind, 'undo-refused');
        assert.match(
          error.message,
          new RegExp(
            `^Undo stopped: what the journal ${journal.file.replace(/[\\/.]/g, '\\$&')} would write does not match the backup .+\\.reg \\(`,
          ),
        );
        assert.match(error.message, said);
        assert.match(error.message, /Nothing was changed\./);
        return true;
      });
      assert.deepEqual(machine(), before);
    });
  }

  it('a planted pending entry is refused at settling: no REG_SZ "evil", and the admin\'s 8080 stays', async () => {
    const { journal, tuner, machine, applied: before } = await applied();
    const record = await journal.read();
    assert.ok(record.lastWritten && record.baseline);
    const prior = {
      ...record.lastWritten,
      registry: { ...record.lastWritten.registry, MaxUserPort: { present: true, payload: '"evil"' } },
      reservedPorts: { 8080: { ipv4: 'open', ipv6: 'open' } },
    } as const;
    // A target the machine is half at: settling would put the "prior" back where the machine holds the target.
    const target = {
      ...record.lastWritten,
      registry: { ...record.lastWritten.registry, TcpTimedWaitDelay: { present: true, payload: 'dword:0000001e' } },
      reservedPorts: { 8080: { ipv4: 'reserved', ipv6: 'reserved' } },
    } as const;
    await journal.write({
      ...record,
      pending: { operation: 'apply', startedAt: 'T', prior, target, backupFile: record.baseline.backupFile },
    });
    await assert.rejects(tuner.settleInterrupted(), (error: TunerError) => {
      assert.equal(error.kind, 'undo-refused');
      assert.match(
        error.message,
        /^Settling the apply interrupted at T stopped: what the journal .*journal\.json would write does not match the backup .*\(MaxUserPort differ\)/,
      );
      return true;
    });
    assert.deepEqual(machine(), before);
  });

  it('status names a range changed by hand, and a kind it cannot read as not read', async () => {
    const { netsh, tuner } = await applied();
    netsh.pools.ipv6.range = { start: 40000, count: 25536 };
    const status = await tuner.status();
    assert.deepEqual(status.outsideChanges, [
      {
        kind: 'dynamicRange',
        name: 'the IPv6 dynamic port range',
        was: '33061 to 65535 (32,475 ports)',
        now: '40000 to 65535 (25,536 ports)',
      },
    ]);
    assert.deepEqual(status.notRead, []);
    netsh.failing.add('readExclusions ipv4');
    assert.deepEqual((await tuner.status()).notRead, [
      { kind: 'reservedPorts', reason: 'Injected failure of readExclusions ipv4.' },
    ]);
  });

  it('refuses an undo after hand changes of every kind, one sentence each, each starting with a capital', async () => {
    const { netsh, registry, tuner, machine } = await applied();
    registry.set('MaxUserPort', 'dword:00009c40');
    netsh.pools.ipv4.range = { start: 40000, count: 25536 };
    netsh.pools.ipv4.exclusions = netsh.pools.ipv4.exclusions.filter((block) => block.start !== 3306);
    const before = machine();
    await assert.rejects(tuner.undo({ force: false }), {
      name: 'TunerError',
      message:
        'Undo stopped: someone changed the settings since this tool did. ' +
        "MaxUserPort: 65534 after this tool's last change, 40000 now. " +
        "The IPv4 dynamic port range: 33061 to 65535 (32,475 ports) after this tool's last change, 40000 to 65535 (25,536 ports) now. " +
        "Port 3306 (IPv4): reserved after this tool's last change, not reserved now. " +
        'Nothing was changed. Undo anyway to put back the values from before the first change.',
    });
    assert.deepEqual(machine(), before);
  });

  it("after a restart, the range Windows reshaped because of the tool's MaxUserPort is named as such, and undo is not refused", async () => {
    const { netsh, registry, tuner, restart } = await applied();
    const reshaped = { start: 1024, count: 64511 };
    netsh.pools.ipv4.range = { ...reshaped };
    netsh.pools.ipv6.range = { ...reshaped };
    const before = await tuner.status();
    assert.equal(
      before.outsideChanges.length,
      2,
      'without a restart, the tool did not cause it: someone changed the range',
    );
    assert.equal(before.rangeReshape, null);

    restart();
    const status = await tuner.status();
    assert.deepEqual(status.outsideChanges, []);
    assert.deepEqual(status.rangeReshape?.range, reshaped);
    assert.match(
      status.rangeReshape?.message ?? '',
      /^Windows widened the range to 1024-65534 because MaxUserPort is set to 65534\./,
    );
    assert.equal((await tuner.undo({ force: false })).status, 'undone');
    assert.deepEqual(
      [netsh.pools.ipv4.range, netsh.pools.ipv6.range],
      [
        { start: 49152, count: 16384 },
        { start: 49152, count: 16384 },
      ],
    );
    assert.deepEqual(registry.values.MaxUserPort, { present: false });
  });
});
