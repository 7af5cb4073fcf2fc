import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { perSetting, pickSettings, SETTING_NAMES, settingNamed } from '../../../shared/settings';

describe('settingNamed', () => {
  it('finds a setting whatever the letter case of the value name, as Windows does', () => {
    assert.equal(settingNamed('MaxUserPort'), 'MaxUserPort');
    assert.equal(settingNamed('tcptimedwaitdelay'), 'TcpTimedWaitDelay');
    assert.equal(settingNamed('MAXUSERPORT'), 'MaxUserPort');
  });

  it('finds nothing for any other value of the key, however close', () => {
    for (const name of ['MaxUserPorts', 'MaxUserPort ', 'TcpTimedWait', 'Hostname', ''])
      assert.equal(settingNamed(name), undefined, JSON.stringify(name));
  });
});

describe('pickSettings', () => {
  it("picks each setting's entry out of a key's values, the first spelling winning", () => {
    const entries: [string, string][] = [
      ['Hostname', 'vm'],
      ['tcptimedwaitdelay', 'first'],
      ['MaxUserPort', 'port'],
      ['TcpTimedWaitDelay', 'second'],
    ];
    assert.deepEqual(pickSettings(entries), { TcpTimedWaitDelay: 'first', MaxUserPort: 'port' });
  });

  it('leaves out a setting the key does not hold', () => {
    assert.deepEqual(pickSettings([['Domain', '']]), {});
  });
});

describe('perSetting', () => {
  it('makes one entry per setting, in catalogue order', () => {
    const made = perSetting((name, setting) => `${name} ${setting.min}-${setting.max}`);
    assert.deepEqual(Object.keys(made), [...SETTING_NAMES]);
    assert.deepEqual(made, { MaxUserPort: 'MaxUserPort 5000-65534', TcpTimedWaitDelay: 'TcpTimedWaitDelay 30-300' });
  });
});
