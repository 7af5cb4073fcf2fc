import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { netshUnknown, templateFill } from '../../../../renderer/wizard/templates';
import type { Diagnosis } from '../../../../shared/diagnosis';

const DEFAULT = { start: 49152, count: 16384 };
const READ = {
  ports: { dynamic: { ipv4: DEFAULT, ipv6: DEFAULT }, excluded: { ipv4: [], ipv6: [] } },
  unavailable: {},
} as unknown as Diagnosis;
const NO_IPV6_EXCLUSIONS = {
  ports: { ...READ.ports, excluded: { ipv4: [], ipv6: null } },
  unavailable: { 'excluded.ipv6': 'netsh printed no exclusion table' },
} as unknown as Diagnosis;

describe('the templates', () => {
  it('recommends the netsh range and TcpTimedWaitDelay 30 on Vista and later, MaxUserPort left alone', () => {
    assert.deepEqual(
      templateFill('recommended', { usesDynamicPortRange: true, diagnosis: READ, diagnosisFailure: null }),
      {
        draft: { MaxUserPort: null, TcpTimedWaitDelay: '30' },
        range: { use: true, start: '33063', count: '32473' },
      },
    );
  });

  it('offers no range while netsh is not read, and MaxUserPort where Windows has no netsh range', () => {
    assert.equal(
      templateFill('recommended', { usesDynamicPortRange: true, diagnosis: NO_IPV6_EXCLUSIONS, diagnosisFailure: null })
        .range.use,
      false,
    );
    assert.deepEqual(
      templateFill('recommended', { usesDynamicPortRange: false, diagnosis: null, diagnosisFailure: null }).draft,
      { MaxUserPort: '65534', TcpTimedWaitDelay: '30' },
    );
    assert.deepEqual(
      templateFill('mysql', { usesDynamicPortRange: true, diagnosis: READ, diagnosisFailure: null }).draft,
      { MaxUserPort: '65534', TcpTimedWaitDelay: '30' },
    );
  });

  it("says why netsh's range and exclusions are not known: still reading, the part's own reason, or the diagnosis's failure", () => {
    assert.equal(netshUnknown({ diagnosis: READ, diagnosisFailure: null }), null);
    assert.deepEqual(netshUnknown({ diagnosis: null, diagnosisFailure: null }), { reading: true });
    assert.deepEqual(netshUnknown({ diagnosis: null, diagnosisFailure: 'The diagnosis did not answer.' }), {
      reading: false,
      why: 'The diagnosis did not answer.',
    });
    assert.deepEqual(netshUnknown({ diagnosis: NO_IPV6_EXCLUSIONS, diagnosisFailure: null }), {
      reading: false,
      why: 'netsh printed no exclusion table',
    });
  });
});
