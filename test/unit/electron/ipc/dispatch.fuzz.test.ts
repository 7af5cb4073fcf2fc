/**
 * The trust boundary under generated abuse: 10,000 requests through the same dispatcher that
 * IPC and the preview use. No request outside the contract may reach a service, nothing may be
 * written, and the dispatcher never throws. Replay a failure with FUZZ_SEED=<the printed seed>.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { CHANNEL_NAMES } from '../../../../shared/channels';
import { SETTING_NAMES } from '../../../../shared/settings';
import { createDispatcher, type MainServices } from '../../../../electron/ipc/dispatch';
import { allowed } from '../../../helpers/contract-oracle';

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

const settingValue = fc.oneof(
  fc.integer({ min: -1, max: 70_000 }),
  fc.constantFrom(5000, 65534, 30, 300, 2 ** 64, Number.NaN, Infinity, -0, 1e4, 65534.5),
  fc.constantFrom(
    '65534',
    ' 30 ',
    '65,534',
    '0x1388',
    '１２３４５',
    '٦٥٥٣٤',
    '65_534',
    '6.5e4',
    '',
    '-1',
    '+5000',
    '300\n',
  ),
  fc.string(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant(undefined),
);
const prototypeKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty');
const request = fc.oneof(
  fc.record({ MaxUserPort: settingValue, TcpTimedWaitDelay: settingValue }, { requiredKeys: [] }),
  fc.record(
    {
      dynamicRange: fc.oneof(
        fc.record({ start: settingValue, count: settingValue }),
        fc.record({ start: fc.integer({ min: 1000, max: 66000 }), count: fc.integer({ min: 200, max: 65000 }) }),
        settingValue,
      ),
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(
    fc.oneof(
      fc.constantFrom(...SETTING_NAMES, 'TcpNumConnections', 'force', 'when', 'folder', 'reservePorts'),
      prototypeKeys,
    ),
    settingValue,
    { maxKeys: 4 },
  ),
  fc.record({
    reservePorts: fc.oneof(
      fc.array(fc.oneof(fc.integer({ min: -1, max: 70_000 }), fc.constantFrom(3306, 33060, '3306', 1.5, '0x0CEA')), {
        maxLength: 20,
      }),
      fc.constantFrom('3306,33060', '3306,3306', '', '1-65535'),
      settingValue,
    ),
  }),
  fc.record({ force: fc.oneof(fc.boolean(), fc.string(), fc.integer()) }, { requiredKeys: [] }),
  fc.record({ when: fc.oneof(fc.constantFrom('now', 'later', 'NOW', 'never'), fc.string()) }),
  fc.record({
    threshold: fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constantFrom(80.5, '80', Number.NaN, Infinity, -0)),
  }),
  fc.record(
    {
      format: fc.oneof(fc.constantFrom('reg', 'powershell', 'ansible', 'gpo', 'xml', '__proto__'), fc.string()),
      undo: fc.oneof(fc.boolean(), fc.string()),
      change: fc.oneof(
        fc.record({ MaxUserPort: settingValue, TcpTimedWaitDelay: settingValue }, { requiredKeys: [] }),
        fc.anything(),
      ),
    },
    { requiredKeys: [] },
  ),
  prototypeKeys.map((key) => JSON.parse(`{"${key}": {"MaxUserPort": 65534, "polluted": true}}`) as unknown),
  fc.array(fc.anything(), { maxLength: 2000 }),
  fc.anything({
    withNullPrototype: true,
    withBigInt: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withUnicodeString: true,
  }),
);
const channel = fc.oneof(
  fc.constantFrom(...CHANNEL_NAMES),
  prototypeKeys,
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('deleteKey', 'APPLY', 'apply ', 'setValue'),
);

it(`no generated request outside the contract reaches a service (10,000 cases, seed ${seed})`, async () => {
  console.log(`dispatch fuzz seed: ${seed} (replay with FUZZ_SEED=${seed})`);
  await fc.assert(
    fc.asyncProperty(channel, request, async (name, body) => {
      const reached: string[] = [];
      const note = (method: string) => async (): Promise<never> => {
        reached.push(method);
        return {} as never;
      };
      const services: MainServices = {
        tuner: {
          status: note('status'),
          useBackupFolder: () => void reached.push('useBackupFolder'),
          backup: note('backup'),
          apply: note('apply'),
          undo: note('undo'),
        },
        restart: { restart: note('restart'), cancel: note('cancel') },
        diagnosis: { diagnose: note('diagnose'), checkDataFolder: note('checkDataFolder') },
        sampler: { sample: note('sample') },
        chooseFolder: note('chooseFolder'),
        // Cancelled, as a user may: the fuzz must never write a file.
        chooseSaveFile: async () => {
          reached.push('chooseSaveFile');
          return null;
        },
        relaunchAsAdmin: note('relaunchAsAdmin'),
        probe: note('probe'),
      };
      const result = await createDispatcher(services)(name, body);
      assert.equal(typeof result.ok, 'boolean');
      if (!allowed(name, body)) assert.deepEqual(reached, [], `${JSON.stringify(name)} reached ${reached.join(', ')}`);
      else assert.equal(result.ok, true);
      // No request can pollute the shared prototype on its way through.
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    }),
    { numRuns: 10_000, seed },
  );
});
