/**
 * Every registry step of apply and undo made to fail in turn, on Wine's real registry: the key
 * must end exactly as it was, and the user must be told so.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import type { TunerError } from '../../electron/services/errors';
import { resolveTarget } from '../../electron/services/host/target';
import { assembleServices } from '../../electron/services/create-services';
import { runProcess } from '../../electron/services/host/process-runner';
import { RegExeBackend } from '../../electron/services/registry/reg-exe-backend';
import type { ChangeService } from '../../electron/services/change-service';
import { productEnv, readJournal } from '../helpers/cli-run';
import { freshPath } from '../helpers/temp-folder';
import { withPrefix } from '../helpers/with-prefix';
import { deleteValue, regExport, regImport, resetValues, setValue } from '../helpers/reg-checks';
import { FaultyBackend, type Call } from '../helpers/faulty-backend';

/**
 * Each backup is an export checked against the whole key read live (a full disk can cut an
 * export short); the live read starts first and runs beside the export.
 */
const APPLY_STEPS: Call[] = [
  'readTree',
  'exportKey',
  'setDword MaxUserPort',
  'setDword TcpTimedWaitDelay',
  'readValues',
];
const UNDO_STEPS: Call[] = ['readTree', 'exportKey', 'importFile', 'exportKey'];
const BACKUP_STEPS = 2;
const TUNED = { MaxUserPort: 65534, TcpTimedWaitDelay: 30, acceptUnprotected: true };

describe('a failing registry step leaves the key exactly as it was', () => {
  let dataDir: string;
  let backend: FaultyBackend;
  let service: ChangeService;
  const prefix = withPrefix('faults');
  beforeEach(async () => {
    await resetValues(prefix);
    // Odd prior values make "as it was" mean more than "absent".
    await setValue(prefix, 'MaxUserPort', 'REG_SZ', '65534');
    await setValue(prefix, 'TcpTimedWaitDelay', 'REG_DWORD', 120);
    dataDir = freshPath(prefix.root, 'data');
    backend = new FaultyBackend(new RegExeBackend(resolveTarget(prefix.env, 'linux').regCommand, runProcess));
    service = assembleServices(resolveTarget(productEnv(prefix, dataDir), 'linux'), runProcess, backend).tuner;
  });

  /** Nothing left half-done for the next start to settle. */
  async function assertNothingPending(): Promise<void> {
    if (!existsSync(path.join(dataDir, 'journal.json'))) return;
    assert.equal((await readJournal(dataDir)).pending, null);
  }

  it('apply and undo make the registry calls these tests break, in this order', async () => {
    await service.apply(TUNED);
    assert.deepEqual(backend.calls, APPLY_STEPS);
    backend.arm(null);
    await service.undo({ force: false });
    assert.deepEqual(backend.calls, UNDO_STEPS);
  });

  APPLY_STEPS.forEach((call, step) => {
    it(`apply: when step ${step} (${call}) fails, the key is as before and the user is told`, async () => {
      const before = await regExport(prefix);
      backend.arm({ at: step, mode: 'throw' });
      await assert.rejects(service.apply(TUNED), (error: TunerError) => {
        if (step === 1) {
          assert.equal(error.kind, 'backup-failed');
          assert.match(error.message, /Could not write the backup .*Injected failure.* Nothing was changed\.$/);
        } else if (step === 0) {
          assert.equal(error.kind, 'backup-failed');
          assert.match(
            error.message,
            /Could not check the backup .* against the key: Injected failure.* It was not kept\. Nothing was changed\.$/,
          );
        } else {
          assert.equal(error.kind, 'registry-failed');
          assert.match(
            error.message,
            /^Injected failure of [\w ]+ at step \d\. Both values were put back as they were\.$/,
          );
        }
        return true;
      });
      assert.equal(await regExport(prefix), before);
      await assertNothingPending();
    });
  });

  [2, 3].forEach((step) => {
    it(`apply: when ${APPLY_STEPS[step]} stores another value than asked, read-back catches it and the key is put back`, async () => {
      const before = await regExport(prefix);
      backend.arm({ at: step, mode: 'lie' });
      await assert.rejects(service.apply(TUNED), (error: TunerError) => {
        assert.equal(error.kind, 'registry-failed');
        const name = step === 2 ? 'MaxUserPort reads 65533' : 'TcpTimedWaitDelay reads 29';
        assert.match(
          error.message,
          new RegExp(`did not read back as written: ${name}\\. Both values were put back as they were\\.$`),
        );
        return true;
      });
      assert.equal(await regExport(prefix), before);
      await assertNothingPending();
      assert.equal((await readJournal(dataDir)).history.at(-1)?.action, 'rollback');
    });
  });

  UNDO_STEPS.forEach((call, step) => {
    it(`undo: when step ${step} (${call}) fails, the key keeps the applied values and the user is told`, async () => {
      await service.apply(TUNED);
      const applied = await regExport(prefix);
      backend.arm({ at: step, mode: 'throw' });
      await assert.rejects(service.undo({ force: false }), (error: TunerError) => {
        if (step < BACKUP_STEPS) {
          assert.equal(error.kind, 'backup-failed');
          assert.match(error.message, /Nothing was changed\.$/);
        } else {
          assert.equal(error.kind, 'registry-failed');
          assert.match(
            error.message,
            /^Injected failure of [\w ]+ at step \d\. Both values were put back as they were\.$/,
          );
        }
        return true;
      });
      assert.equal(await regExport(prefix), applied);
      await assertNothingPending();
      assert.equal((await service.status()).undo !== null, true, 'the undo can be tried again');
    });
  });

  it('undo: an import that leaves another value than the backup held is caught and put back', async () => {
    await service.apply(TUNED);
    const applied = await regExport(prefix);
    backend.arm({ at: 2, mode: 'lie' });
    await assert.rejects(service.undo({ force: false }), (error: TunerError) => {
      assert.equal(error.kind, 'registry-failed');
      assert.match(
        error.message,
        /^MaxUserPort did not take the restored value\. Both values were put back as they were\.$/,
      );
      return true;
    });
    assert.equal(await regExport(prefix), applied);
    await assertNothingPending();
  });

  describe('when putting the values back fails too', () => {
    let before: string;
    let message: string;

    /** Leaves MaxUserPort written and the rollback failed, as a registry that stops answering would. */
    beforeEach(async () => {
      await deleteValue(prefix, 'MaxUserPort');
      before = await regExport(prefix);
      backend.arm({ at: 3, mode: 'throw-from' });
      const failure = await service.apply(TUNED).then(
        () => assert.fail('the apply succeeded'),
        (error: TunerError) => error,
      );
      assert.equal(failure.kind, 'restore-failed');
      message = failure.message;
      assert.notEqual(
        await regExport(prefix),
        before,
        'the MaxUserPort write stayed: this is the case the journal is for',
      );
      backend.arm(null);
    });

    it('the message names the two-value restore file, and a plain reg import of it puts the key back', async () => {
      const said =
        /Putting the values back failed too \(.*\)\. (.+-restore\.reg) holds the previous values: import it with 'reg import' as administrator\.$/.exec(
          message,
        );
      assert.ok(said, message);
      await regImport(prefix, said[1]);
      assert.equal(await regExport(prefix), before);
    });

    it('the journal keeps the change as pending, and the next start puts the key back', async () => {
      assert.notEqual((await readJournal(dataDir)).pending, null);
      const settled = await service.settleInterrupted();
      assert.equal(settled?.action, 'recovered');
      assert.equal(await regExport(prefix), before);
      await assertNothingPending();
    });
  });
});
