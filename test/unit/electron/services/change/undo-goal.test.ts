/** Which reservations undo may release: only ports no range in force now or after the next restart covers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dwordPayload } from '../../../../../electron/services/registry/reg-file';
import { maxUserPortRule } from '../../../../../electron/services/change/registry-kind';
import { undoGoal } from '../../../../../electron/services/change/undo-goal';

const ABSENT = { MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: false } } as const;
const DEFAULT = { start: 49152, count: 16384 };
const OPEN = { ipv4: 'open', ipv6: 'open' } as const;
const RESERVED = { ipv4: 'reserved', ipv6: 'reserved' } as const;
const baseline = { registry: ABSENT, reservedPorts: { 3306: OPEN } };
const current = { registry: ABSENT, reservedPorts: { 3306: RESERVED } };
const rules = [maxUserPortRule];

describe('undoGoal', () => {
  it('releases a port outside the range now and after the restart', () => {
    assert.deepEqual(undoGoal(baseline, current, { ipv4: DEFAULT, ipv6: DEFAULT }, rules), {
      goal: baseline,
      kept: [],
    });
  });

  it('keeps a port the range in force covers, per family', () => {
    const { goal, kept } = undoGoal(baseline, current, { ipv4: { start: 1024, count: 64511 }, ipv6: DEFAULT }, rules);
    assert.deepEqual(goal.reservedPorts, { 3306: { ipv4: 'reserved', ipv6: 'open' } });
    assert.deepEqual(
      kept.map((part) => part.name),
      ['port 3306 (IPv4)'],
    );
  });

  it('keeps a port the range MaxUserPort makes at the next restart covers, and says so', () => {
    const withMaxUserPort = {
      ...baseline,
      registry: { ...ABSENT, MaxUserPort: { present: true, payload: dwordPayload(65534) } },
    };
    const { goal, kept } = undoGoal(withMaxUserPort, current, { ipv4: DEFAULT, ipv6: DEFAULT }, rules);
    assert.deepEqual(goal.reservedPorts, { 3306: RESERVED });
    assert.equal(
      kept[0].why,
      'after the next restart the IPv4 range will be 1024 to 65534 (64,511 ports) (MaxUserPort), which covers it',
    );
    assert.deepEqual(
      undoGoal(withMaxUserPort, current, { ipv4: DEFAULT, ipv6: DEFAULT }, []).kept,
      [],
      'without the rule nothing covers it',
    );
  });

  it('keeps every port when the range could not be read', () => {
    const { goal, kept } = undoGoal(baseline, current, null, rules);
    assert.deepEqual(goal.reservedPorts, { 3306: RESERVED });
    assert.match(kept[0].why, /could not be read/);
  });

  it("never reserves a port that was not reserved when undo began: an admin's release stays", () => {
    assert.deepEqual(undoGoal(baseline, { registry: ABSENT, reservedPorts: { 3306: OPEN } }, null, rules).kept, []);
  });
});
