/**
 * A change cut off half-way (the CLI killed by a reg.exe stand-in at a chosen call) on a Wine
 * registry, settled by the next start: finished when all of it took, rolled back otherwise.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { ChangeService } from '../../electron/services/change-service';
import { productEnv, readJournal, runCli } from '../helpers/cli-run';
import { freshService } from '../helpers/service-bed';
import { withPrefix } from '../helpers/with-prefix';
import { regExport, regQuery, setValue } from '../helpers/reg-checks';
import { writeRegStandIn, type CrashPoint, type RegVerb } from '../helpers/reg-stand-in';
import { exportedSettings } from '../helpers/cli-bed';

const TUNED = { MaxUserPort: 65534, TcpTimedWaitDelay: 30, acceptUnprotected: true };

/**
 * The steps a crash is put at, named by what they do, not by how many reads come before them
 * (a count that broke when the backup began to query the key once).
 */
type Step = { name: string; verb: RegVerb } & CrashPoint;
const SECOND_WRITE: Step = { name: "the second of the apply's two writes", verb: 'add', nth: 2 };
const APPLY_READ_BACK: Step = {
  name: "the apply's read-back, the first query once its writes are done",
  verb: 'query',
  after: 'add',
};
const UNDO_IMPORT: Step = { name: "the undo's import", verb: 'import', nth: 1 };
const UNDO_READ_BACK: Step = {
  name: "the undo's read-back, the first export once its import is done",
  verb: 'export',
  after: 'import',
};

describe('a change cut off half-way (the CLI killed by a reg.exe stand-in) is settled by settleInterrupted', () => {
  let dataDir: string;
  let service: ChangeService;
  const prefix = withPrefix('settle');
  beforeEach(async () => ({ dataDir, service } = await freshService(prefix)));

  /** Runs one CLI command whose reg.exe kills it at the given step, leaving the journal mid-change. */
  async function crash(args: readonly string[], { name, ...at }: Step): Promise<void> {
    const standIn = await writeRegStandIn(prefix.root, { kind: 'crash', ...at });
    const result = await runCli(args, productEnv(prefix, dataDir, { TCP_PORT_TUNER_REG_COMMAND: standIn }));
    assert.equal(result.signal, 'SIGKILL', `the CLI died at ${name}: ${result.stderr}`);
    assert.notEqual((await readJournal(dataDir)).pending, null, 'the journal holds the change under way');
  }
  const applyArgs = ['apply', '--max-user-port', '65534', '--accept-unprotected', '--tcp-timed-wait-delay', '30'];

  it('an apply stopped after one of its two writes is rolled back', async () => {
    await setValue(prefix, 'TcpTimedWaitDelay', 'REG_DWORD', 120);
    const before = await regExport(prefix);
    await crash(applyArgs, SECOND_WRITE);
    const half = await regQuery(prefix);
    const written = [half.MaxUserPort?.data === '0xfffe', half.TcpTimedWaitDelay?.data === '0x1e'].filter(Boolean);
    assert.equal(written.length, 1, 'one of the two writes was done');

    const settled = await service.settleInterrupted();
    assert.equal(settled?.action, 'recovered');
    assert.match(settled?.note ?? '', /^Rolled back the apply interrupted at /);
    assert.equal(await regExport(prefix), before);
    assert.equal((await readJournal(dataDir)).pending, null);
    assert.equal((await service.status()).undo !== null, false, 'an apply that never took leaves nothing to undo');
  });

  it('an apply stopped after both writes is finished, and undo still returns to the values before it', async () => {
    await setValue(prefix, 'MaxUserPort', 'REG_DWORD', 40000);
    const before = await regExport(prefix);
    await crash(applyArgs, APPLY_READ_BACK);
    assert.deepEqual(
      await exportedSettings(prefix),
      ['"MaxUserPort"=dword:0000fffe', '"TcpTimedWaitDelay"=dword:0000001e'],
      'both writes were done before the crash',
    );

    const settled = await service.settleInterrupted();
    assert.equal(settled?.action, 'recovered');
    assert.match(settled?.note ?? '', /^Finished the apply interrupted at /);
    assert.deepEqual(await exportedSettings(prefix), [
      '"MaxUserPort"=dword:0000fffe',
      '"TcpTimedWaitDelay"=dword:0000001e',
    ]);
    assert.equal((await readJournal(dataDir)).pending, null);

    await service.undo({ force: false });
    assert.equal(await regExport(prefix), before);
  });

  it('an undo stopped before its import is settled at the applied values, and says it put nothing back', async () => {
    await service.apply(TUNED);
    const applied = await regExport(prefix);
    await crash(['undo'], UNDO_IMPORT);

    const settled = await service.settleInterrupted();
    // The undo wrote nothing before it died, so settling had nothing to write either.
    assert.match(settled?.note ?? '', /^Put nothing back after the undo interrupted at [^ ]+\.$/);
    assert.deepEqual(settled?.before, settled?.after, 'the history shows that nothing changed');
    assert.equal(await regExport(prefix), applied);
    assert.equal((await service.status()).undo !== null, true, 'the undo can still be done');
  });

  it('an undo stopped after its import is finished', async () => {
    const before = await regExport(prefix);
    await service.apply(TUNED);
    await crash(['undo'], UNDO_READ_BACK);

    const settled = await service.settleInterrupted();
    assert.match(settled?.note ?? '', /^Finished the undo interrupted at /);
    assert.equal(await regExport(prefix), before);
    assert.equal((await service.status()).undo !== null, false);
  });

  it('a journal with nothing pending is left alone', async () => {
    await service.apply(TUNED);
    assert.equal(await service.settleInterrupted(), null);
    assert.equal((await readJournal(dataDir)).history.length, 1);
  });
});
