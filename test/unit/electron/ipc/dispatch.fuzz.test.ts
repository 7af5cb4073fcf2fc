/**
 * The trust boundary under generated abuse: 10,000 requests through the same dispatcher that
 * IPC and the preview use. No request outside the contract may reach a service, nothing may be
 * written, and the dispatcher never throws. Replay a failure with FUZZ_SEED=<the printed seed>.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { CHANNEL_NAMES } from '../../../../shared/channels';
import { SETTINGS, SETTING_NAMES } from '../../../../shared/settings';
import { createDispatcher, type MainServices } from '../../../../electron/ipc/dispatch';
import { checkHost, checkPort, checkUser } from '../../../../shared/probe-target';

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

/** What the contract allows, written out again by hand as an oracle independent of zod. */
function allowed(channel: string, request: unknown): boolean {
  const body = request ?? {};
  if (typeof body !== 'object' || Array.isArray(body) || Object.getPrototypeOf(body) !== Object.prototype) return false;
  const keys = Object.keys(body);
  const entries = body as Record<string, unknown>;
  switch (channel) {
    case 'apply':
      return changeAllowed(body, { mustName: true });
    case 'undo':
      return keys.length === 1 && typeof entries.force === 'boolean';
    case 'previewExport':
    case 'saveExport':
      return (
        keys.length === 3 &&
        ['reg', 'powershell', 'ansible', 'gpo'].includes(entries.format as string) &&
        typeof entries.undo === 'boolean' &&
        // An undo may name nothing (then every value is removed); a change to set must name something.
        changeAllowed(entries.change, { mustName: entries.undo !== true })
      );
    case 'restartWindows':
      return keys.length === 1 && (entries.when === 'now' || entries.when === 'later');
    case 'probe':
      return probeAllowed(entries);
    case 'sample':
      return keys.length === 1 && Number.isInteger(entries.threshold) && (entries.threshold as number) >= 1 && (entries.threshold as number) <= 100;
    default:
      return (CHANNEL_NAMES as readonly string[]).includes(channel) && keys.length === 0;
  }
}

/** A probe: a host and a port, a user optionally, a password (at most 512 characters) only with a user. */
function probeAllowed(entries: Record<string, unknown>): boolean {
  const known = Object.keys(entries).every((key) => ['host', 'port', 'user', 'password'].includes(key));
  const password = entries.password === undefined || (typeof entries.password === 'string' && entries.password.length <= 512 && entries.user !== undefined);
  return known && password && checkHost(entries.host).ok && checkPort(entries.port).ok && (entries.user === undefined || checkUser(entries.user).ok);
}

/** A change as apply takes it; nested, an object without a prototype is as harmless as a plain one. */
function changeAllowed(change: unknown, { mustName }: { mustName: boolean }): boolean {
  if (typeof change !== 'object' || change === null || ![Object.prototype, null].includes(Object.getPrototypeOf(change))) return false;
  const entries = Object.entries(change);
  return (
    (!mustName || entries.some(([, value]) => value !== undefined)) &&
    entries.every(([key, value]) =>
      key === 'dynamicRange'
        ? value === undefined || rangeAllowed(value)
        : key === 'reservePorts'
          ? value === undefined || portsAllowed(value)
          : (SETTING_NAMES as readonly string[]).includes(key) && (value === undefined || inRange(key as (typeof SETTING_NAMES)[number], value)),
    )
  );
}

function portsAllowed(value: unknown): boolean {
  const items = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(items) || items.length === 0 || items.length > 16) return false;
  const ports = items.map((item) => (typeof item === 'string' && /^\d{1,10}$/.test(item) ? Number(item) : item));
  return ports.every((port) => Number.isInteger(port) && port >= 1 && port <= 65535) && new Set(ports).size === ports.length;
}

function rangeAllowed(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { start, count } = value as Record<string, unknown>;
  const number = (input: unknown) => (typeof input === 'string' && /^\d{1,10}$/.test(input) ? Number(input) : input);
  const [first, size] = [number(start), number(count)];
  return Number.isInteger(first) && Number.isInteger(size) && (first as number) >= 1025 && (size as number) >= 255 && (first as number) + (size as number) - 1 <= 65535;
}

function inRange(name: (typeof SETTING_NAMES)[number], value: unknown): boolean {
  const number = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= SETTINGS[name].min && number <= SETTINGS[name].max;
}

const settingValue = fc.oneof(
  fc.integer({ min: -1, max: 70_000 }),
  fc.constantFrom(5000, 65534, 30, 300, 2 ** 64, Number.NaN, Infinity, -0, 1e4, 65534.5),
  fc.constantFrom('65534', ' 30 ', '65,534', '0x1388', '１２３４５', '٦٥٥٣٤', '65_534', '6.5e4', '', '-1', '+5000', '300\n'),
  fc.string(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant(undefined),
);
const prototypeKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty');
const request = fc.oneof(
  fc.record({ MaxUserPort: settingValue, TcpTimedWaitDelay: settingValue }, { requiredKeys: [] }),
  fc.record({ dynamicRange: fc.oneof(fc.record({ start: settingValue, count: settingValue }), fc.record({ start: fc.integer({ min: 1000, max: 66000 }), count: fc.integer({ min: 200, max: 65000 }) }), settingValue) }, { requiredKeys: [] }),
  fc.dictionary(fc.oneof(fc.constantFrom(...SETTING_NAMES, 'TcpNumConnections', 'force', 'when', 'folder', 'reservePorts'), prototypeKeys), settingValue, { maxKeys: 4 }),
  fc.record({ reservePorts: fc.oneof(fc.array(fc.oneof(fc.integer({ min: -1, max: 70_000 }), fc.constantFrom(3306, 33060, '3306', 1.5, '0x0CEA')), { maxLength: 20 }), fc.constantFrom('3306,33060', '3306,3306', '', '1-65535'), settingValue) }),
  fc.record({ force: fc.oneof(fc.boolean(), fc.string(), fc.integer()) }, { requiredKeys: [] }),
  fc.record({ when: fc.oneof(fc.constantFrom('now', 'later', 'NOW', 'never'), fc.string()) }),
  fc.record({ threshold: fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constantFrom(80.5, '80', Number.NaN, Infinity, -0)) }),
  fc.record(
    {
      format: fc.oneof(fc.constantFrom('reg', 'powershell', 'ansible', 'gpo', 'xml', '__proto__'), fc.string()),
      undo: fc.oneof(fc.boolean(), fc.string()),
      change: fc.oneof(fc.record({ MaxUserPort: settingValue, TcpTimedWaitDelay: settingValue }, { requiredKeys: [] }), fc.anything()),
    },
    { requiredKeys: [] },
  ),
  prototypeKeys.map((key) => JSON.parse(`{"${key}": {"MaxUserPort": 65534, "polluted": true}}`) as unknown),
  fc.array(fc.anything(), { maxLength: 2000 }),
  fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withUnicodeString: true }),
);
const channel = fc.oneof(fc.constantFrom(...CHANNEL_NAMES), prototypeKeys, fc.string({ unit: 'grapheme' }), fc.constantFrom('deleteKey', 'APPLY', 'apply ', 'setValue'));

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
        tuner: { status: note('status'), useBackupFolder: () => void reached.push('useBackupFolder'), backup: note('backup'), apply: note('apply'), undo: note('undo') },
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
