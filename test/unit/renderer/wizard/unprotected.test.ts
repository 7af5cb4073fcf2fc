import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptLabel, blockedBy, unprotectedBy } from '../../../../renderer/wizard/unprotected';
import type { Diagnosis } from '../../../../shared/diagnosis';

const held = (...numbers: number[]) => numbers.map((port) => ({ start: port, end: port, administered: true }));
const excluding = (ipv4: ReturnType<typeof held>, ipv6: ReturnType<typeof held>) =>
  ({ ports: { excluded: { ipv4, ipv6 } } }) as unknown as Diagnosis;

describe("MySQL's ports a MaxUserPort change leaves open", () => {
  it('names 3306 and 33060 inside 1024-MaxUserPort unless the change reserves them', () => {
    const open = unprotectedBy(65534, [], excluding([], []), null);
    assert.deepEqual(open, { ports: [3306, 33060], reading: false, range: { start: 1024, count: 64511 } });
    assert.deepEqual(unprotectedBy(65534, [3306], excluding([], []), null)?.ports, [33060]);
    assert.equal(unprotectedBy(65534, [3306, 33060], excluding([], []), null), null);
    // 5000 makes 1024-5000: 3306 is inside it, 33060 is not.
    assert.deepEqual(unprotectedBy(5000, [], excluding([], []), null)?.ports, [3306]);
    assert.equal(unprotectedBy(undefined, [], null, null), null);
  });

  it('counts a port held already only where both families hold it, and counts nothing held while netsh is unknown', () => {
    assert.deepEqual(unprotectedBy(65534, [], excluding(held(3306, 33060), held(3306)), null)?.ports, [33060]);
    const reading = unprotectedBy(65534, [], excluding(held(3306, 33060), held(3306, 33060)), { reading: true });
    assert.deepEqual(reading?.ports, [3306, 33060]);
    assert.equal(reading?.reading, true);
  });

  it('asks for the acceptance by the exact ports, but not while netsh is still being read or once ticked', () => {
    const open = unprotectedBy(65534, [], excluding([], []), null);
    assert.equal(acceptLabel([3306]), 'I accept that 3306 is unprotected');
    assert.equal(
      blockedBy(open, false),
      'Reserve 3306 and 33060 or tick "I accept that 3306 and 33060 are unprotected" to go on.',
    );
    assert.equal(blockedBy(open, true), null);
    assert.equal(blockedBy(unprotectedBy(65534, [], null, { reading: true }), false), null);
  });
});
