import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PerSetting } from '../../../../../shared/settings';
import type { ValueState } from '../../../../../shared/registry-value';
import { TunerError } from '../../../../../electron/services/errors';
import type { BackendName, RegistryBackend } from '../../../../../electron/services/registry/backend';
import { FallbackBackend } from '../../../../../electron/services/registry/fallback-backend';
import type { KeyTree } from '../../../../../electron/services/registry/key-tree';
import { isScriptHostUnavailable } from '../../../../../electron/services/registry/regedit-backend';

const ABSENT: PerSetting<ValueState> = { MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: false } };

/** A backend that records each call and fails the way it is told to, while told to. */
class FakeBackend implements RegistryBackend {
  calls: string[] = [];
  failure: Error | null = null;

  constructor(readonly name: BackendName) {}

  async readValues(): Promise<PerSetting<ValueState>> {
    this.record('readValues');
    return ABSENT;
  }
  async readTree(): Promise<KeyTree> {
    this.record('readTree');
    return new Map();
  }
  async setDword(name: string, value: number): Promise<void> {
    this.record(`setDword ${name} ${value}`);
  }
  async deleteValue(name: string): Promise<void> {
    this.record(`deleteValue ${name}`);
  }
  async exportKey(file: string): Promise<void> {
    this.record(`exportKey ${file}`);
  }
  async importFile(file: string): Promise<void> {
    this.record(`importFile ${file}`);
  }

  private record(call: string): void {
    this.calls.push(call);
    if (this.failure) throw this.failure;
  }
}

function pair() {
  const regedit = new FakeBackend('regedit');
  const reg = new FakeBackend('reg');
  return { regedit, reg, backend: new FallbackBackend(regedit, reg, isScriptHostUnavailable) };
}

const scriptHostGone = () => Object.assign(new Error('spawn cscript.exe ENOENT'), { code: 'ENOENT' });

describe('FallbackBackend', () => {
  it('uses the preferred backend while it works, and says so', async () => {
    const { regedit, reg, backend } = pair();
    await backend.setDword('MaxUserPort', 65534);
    await backend.deleteValue('TcpTimedWaitDelay');
    assert.equal(backend.name, 'regedit');
    assert.deepEqual(regedit.calls, ['setDword MaxUserPort 65534', 'deleteValue TcpTimedWaitDelay']);
    assert.deepEqual(reg.calls, []);
  });

  it('answers the failing call through reg.exe when Windows Script Host cannot run, and reports the switch', async () => {
    const { regedit, reg, backend } = pair();
    regedit.failure = scriptHostGone();
    assert.deepEqual(await backend.readValues(), ABSENT);
    assert.equal(backend.name, 'reg');
    assert.deepEqual(reg.calls, ['readValues']);
  });

  it('stays on reg.exe for every later call, without trying Windows Script Host again', async () => {
    const { regedit, reg, backend } = pair();
    regedit.failure = new Error('cscript not found');
    await backend.readValues();
    regedit.failure = null;
    await backend.setDword('TcpTimedWaitDelay', 30);
    await backend.exportKey('backup.reg');
    await backend.importFile('restore.reg');
    assert.deepEqual(regedit.calls, ['readValues']);
    assert.deepEqual(reg.calls, [
      'readValues',
      'setDword TcpTimedWaitDelay 30',
      'exportKey backup.reg',
      'importFile restore.reg',
    ]);
    assert.equal(backend.name, 'reg');
  });

  it('does not switch for a failure reg.exe would meet as well, such as access denied', async () => {
    const { regedit, reg, backend } = pair();
    regedit.failure = new TunerError(
      'not-permitted',
      'Could not write MaxUserPort: access is denied. Run as administrator.',
    );
    await assert.rejects(backend.setDword('MaxUserPort', 65534), regedit.failure);
    assert.deepEqual(reg.calls, []);
    assert.equal(backend.name, 'regedit');
  });

  it('passes on a failure of reg.exe after the switch as it is', async () => {
    const { regedit, reg, backend } = pair();
    regedit.failure = scriptHostGone();
    reg.failure = new TunerError('registry-failed', 'Could not read the registry key: reg.exe exited with 1.');
    await assert.rejects(backend.readValues(), reg.failure);
    reg.failure = null;
    await backend.readValues();
    assert.deepEqual(regedit.calls, ['readValues'], 'still on reg.exe after its own failure');
  });
});

describe('isScriptHostUnavailable', () => {
  const cases: [what: string, error: unknown, unavailable: boolean][] = [
    ['cscript.exe not on the machine', scriptHostGone(), true],
    ["the regedit package's own 'cscript not found'", new Error('cscript not found'), true],
    [
      'Windows Script Host disabled by policy',
      new Error('Windows Script Host access is disabled on this machine.'),
      true,
    ],
    ['VBScript removed', new Error('CScript Error: Can\'t find script engine "VBScript" for script.'), true],
    ['access denied', Object.assign(new Error('access is denied'), { code: 5 }), false],
    ['a missing key', Object.assign(new Error('registry path does not exist'), { code: 2 }), false],
    ['something that is not an Error', 'cscript not found', false],
  ];
  for (const [what, error, unavailable] of cases) {
    it(`${what}: ${unavailable ? 'switch to reg.exe' : 'no switch'}`, () => {
      assert.equal(isScriptHostUnavailable(error), unavailable);
    });
  }
});

describe('FallbackBackend as the product builds it', () => {
  const built = () => {
    const regedit = new FakeBackend('regedit');
    const reg = new FakeBackend('reg');
    return { regedit, reg, backend: new FallbackBackend(regedit, reg) };
  };
  const failures: [what: string, error: unknown][] = [
    ['cscript failing in German', new Error('CScript-Fehler: Das Skriptmodul "VBScript" wurde nicht gefunden.')],
    [
      'a WMI failure regedit reported',
      new TunerError('registry-failed', 'Could not write MaxUserPort: wbemErrFailed.'),
    ],
    ['a key regedit says is missing', Object.assign(new Error('registry path does not exist'), { code: 2 })],
    ['something that is not an Error', 'Ошибка'],
  ];
  for (const [what, error] of failures) {
    it(`moves to reg.exe for ${what}, whatever its words`, async () => {
      const { regedit, reg, backend } = built();
      regedit.failure = error as Error;
      await backend.setDword('MaxUserPort', 65534);
      assert.deepEqual(reg.calls, ['setDword MaxUserPort 65534']);
      assert.equal(backend.name, 'reg');
    });
  }

  it('stays on regedit for a refusal of access, which reg.exe would meet as well', async () => {
    const { regedit, reg, backend } = built();
    regedit.failure = new TunerError(
      'not-permitted',
      'Could not write MaxUserPort: access is denied. Run as administrator.',
    );
    await assert.rejects(backend.setDword('MaxUserPort', 65534), regedit.failure);
    assert.deepEqual(reg.calls, []);
  });
});
