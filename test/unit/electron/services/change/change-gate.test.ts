import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PARAMETERS_KEY } from '../../../../../shared/settings';
import { ChangeGate } from '../../../../../electron/services/change/change-gate';
import { TunerError } from '../../../../../electron/services/errors';
import type { Rights } from '../../../../../electron/services/host/elevation-check';
import { tempFolder } from '../../../../helpers/temp-folder';

const ADMIN: Rights = { canWrite: true, notRead: null };
const USER: Rights = { canWrite: false, notRead: null };

/** A gate over `dataDir` with fixed rights, counting how often it secured the folder. */
function gateFor(dataDir: string, rights: Rights) {
  const secured = { times: 0 };
  const gate = new ChangeGate({
    dataDir,
    rights: async () => rights,
    secureDataDir: async () => {
      secured.times += 1;
    },
  });
  return { gate, secured };
}

const kindOf = (kind: TunerError['kind'], message: RegExp | string) => (error: unknown) =>
  error instanceof TunerError &&
  error.kind === kind &&
  (typeof message === 'string' ? error.message === message : message.test(error.message));

describe('the way into a change', () => {
  const temp = tempFolder('change-gate');

  it('runs one operation at a time: the second starts once the first has ended, even when the first failed', async () => {
    const { gate } = gateFor(temp.fresh('data'), ADMIN);
    const events: string[] = [];
    let started!: () => void;
    let release!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = gate.exclusive(async () => {
      events.push('first started');
      started();
      await held;
      events.push('first ended');
      throw new Error('the first failed');
    });
    const second = gate.exclusive(async () => events.push('second started'));
    await running;
    assert.deepEqual(events, ['first started'], 'the second waits while the first runs');
    release();
    await assert.rejects(first, /the first failed/);
    await second;
    assert.deepEqual(events, ['first started', 'first ended', 'second started']);
  });

  it('secures the data folder before the change, which holds the lock: another process is told it is busy', async () => {
    const dataDir = temp.fresh('data');
    const { gate, secured } = gateFor(dataDir, ADMIN);
    const other = gateFor(dataDir, ADMIN).gate;
    const result = await gate.changing(async () => {
      assert.equal(secured.times, 1, 'secured before the work');
      await assert.rejects(
        other.changing(async () => assert.fail('ran beside a change')),
        kindOf('busy', /is changing the values; its lock is .*change\.lock\.\d+\. Nothing was changed/),
      );
      return 'done';
    });
    assert.equal(result, 'done');
    assert.equal(await other.changing(async () => 'next'), 'next', 'the lock is released after the change');
  });

  it('without administrator rights runs nothing, secures nothing and says so', async () => {
    const dataDir = temp.fresh('data');
    const { gate, secured } = gateFor(dataDir, USER);
    await assert.rejects(
      gate.changing(async () => assert.fail('ran without rights')),
      kindOf('not-permitted', `Changing ${PARAMETERS_KEY} needs administrator rights. Nothing was changed.`),
    );
    assert.equal(secured.times, 0);
    assert.equal(await gateFor(dataDir, ADMIN).gate.changing(async () => 'next'), 'next', 'the lock was released');
  });

  it('names rights that could not be read, with the reason, after what the caller had to do', async () => {
    const { gate } = gateFor(temp.fresh('data'), { canWrite: false, notRead: 'whoami exited with 1' });
    await assert.rejects(
      gate.locked(() => gate.requireWrite('The apply interrupted at T must be settled first. ')),
      kindOf(
        'not-permitted',
        /^The apply interrupted at T must be settled first\. Could not tell whether this runs as administrator: whoami exited with 1\. Nothing was changed\.$/,
      ),
    );
  });

  it('blames a data folder that refuses an administrator, with the undo steps to run by hand', async () => {
    const inTheWay = temp.fresh('file');
    await writeFile(inTheWay, 'not a folder');
    const dataDir = path.join(inTheWay, 'data');
    const manual = async () => ['reg import "C:\\backups\\one-restore.reg"'];
    await assert.rejects(
      gateFor(dataDir, ADMIN).gate.changing(async () => assert.fail('ran without a lock'), manual),
      (error: unknown) =>
        kindOf('write-failed', /What makes a data folder refuse an administrator: .* in this order:$/)(error) &&
        isDeepStrictEqual((error as TunerError).repairs, ['reg import "C:\\backups\\one-restore.reg"']),
    );
    await assert.rejects(
      gateFor(dataDir, USER).gate.changing(async () => assert.fail('ran without a lock'), manual),
      (error: unknown) => error instanceof TunerError && !error.message.includes('refuse an administrator'),
      'without rights the folder is not to blame',
    );
  });
});
