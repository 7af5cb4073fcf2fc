import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { leverOf, MYSQL_REFUSALS, PROBE_CLASSES } from '../../../shared/probe';

describe('leverOf', () => {
  it('gives every class a lever of its own', () => {
    const levers = PROBE_CLASSES.map(leverOf);
    assert.ok(
      levers.every((lever) => typeof lever === 'string' && lever.length > 20),
      'a sentence for each',
    );
    assert.equal(new Set(levers).size, PROBE_CLASSES.length, 'no two classes told the same thing');
  });

  it('sends the DBA to MySQL, not to the ports, when MySQL refused in its own words', () => {
    for (const found of MYSQL_REFUSALS)
      assert.match(leverOf(found), /^MySQL refused: \d{4} .*changing ports here will not help\.$/, found);
  });

  it('says plainly that tuning the ports will not help where the network or the name failed', () => {
    for (const found of ['refused', 'timeout', 'unreachable', 'name-not-found'] as const)
      assert.match(leverOf(found), /Changing ports here will not help/, found);
  });

  it('names the ports only when the machine ran out of them', () => {
    assert.match(
      leverOf('ports-exhausted'),
      /the ephemeral ports are used up\. This is what tuning the ports addresses\./,
    );
    const others = PROBE_CLASSES.filter((found) => found !== 'ports-exhausted');
    for (const found of others) assert.doesNotMatch(leverOf(found), /This is what tuning the ports addresses/, found);
  });

  it("warns that a full server can still answer the made-up login from MySQL's spare admin slot", () => {
    assert.match(
      leverOf('reachable'),
      /At exactly max_connections MySQL still answers this login from its spare admin slot/,
    );
  });
});
