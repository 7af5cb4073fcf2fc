/**
 * A data folder that refuses an administrator: the refusal keeps what happened, drops the advice
 * meant for an account without rights, names the causes, and hands over an undo's steps.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockedFolder } from '../../../../../electron/services/change/blocked-folder';
import { toFailure, TunerError } from '../../../../../electron/services/errors';

const LOCK_REFUSED = new TunerError(
  'not-permitted',
  'Cannot use the data folder C:\\ProgramData\\TCP Port Tuner: access is denied, so no change can be recorded. Nothing was changed.',
  undefined,
  'Start TCP Port Tuner as administrator, or choose another data folder.',
);

describe('blockedFolder', () => {
  it('keeps what happened, drops the advice for an account without rights, and names the causes', () => {
    const { kind, message } = toFailure(blockedFolder(LOCK_REFUSED, null));
    assert.equal(kind, 'write-failed');
    assert.ok(message.startsWith(`${LOCK_REFUSED.said} What makes a data folder refuse an administrator:`), message);
    assert.doesNotMatch(message, /Start TCP Port Tuner as administrator/);
    assert.match(message, /attrib.*icacls.*full disk\.$/);
  });

  it("an undo's steps to do by hand follow, one command each, as the failure's repairs", () => {
    const steps = [
      'reg import "C:\\backups\\a-restore.reg"',
      'netsh int ipv4 set dynamicport tcp start=49152 num=16384',
    ];
    const failure = toFailure(blockedFolder(LOCK_REFUSED, steps));
    assert.match(failure.message, /To undo by hand instead, run these commands as administrator, in this order:$/);
    assert.deepEqual(failure.repairs, steps);
  });

  it('says so when the journal names nothing to undo', () => {
    const failure = toFailure(blockedFolder(LOCK_REFUSED, []));
    assert.match(failure.message, / The journal names nothing to undo\.$/);
    assert.equal(failure.repairs, undefined);
  });

  it('a refusal without advice is kept whole', () => {
    const linked = new TunerError(
      'write-failed',
      'X is a link, not a plain file. Nothing was changed there. Move it away and run again.',
    );
    assert.ok(toFailure(blockedFolder(linked, null)).message.startsWith(`${linked.message} What makes`));
  });
});
