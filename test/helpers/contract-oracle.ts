/**
 * What the IPC contract allows, written out again by hand as an oracle independent of zod: the
 * dispatch fuzz checks that no request this rejects reaches a service.
 */
import { CHANNEL_NAMES } from '../../shared/channels';
import { SETTINGS, SETTING_NAMES } from '../../shared/settings';
import { checkHost, checkPort, checkUser } from '../../shared/probe-target';

/** Whether the contract lets `request` through on `channel`. */
export function allowed(channel: string, request: unknown): boolean {
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
      return (
        keys.length === 1 &&
        Number.isInteger(entries.threshold) &&
        (entries.threshold as number) >= 1 &&
        (entries.threshold as number) <= 100
      );
    default:
      return (CHANNEL_NAMES as readonly string[]).includes(channel) && keys.length === 0;
  }
}

/** A probe: a host and a port, a user optionally, a password (at most 512 characters) only with a user. */
function probeAllowed(entries: Record<string, unknown>): boolean {
  const known = Object.keys(entries).every((key) => ['host', 'port', 'user', 'password'].includes(key));
  const password =
    entries.password === undefined ||
    (typeof entries.password === 'string' && entries.password.length <= 512 && entries.user !== undefined);
  return (
    known &&
    password &&
    checkHost(entries.host).ok &&
    checkPort(entries.port).ok &&
    (entries.user === undefined || checkUser(entries.user).ok)
  );
}

/** A change as apply takes it; nested, an object without a prototype is as harmless as a plain one. */
function changeAllowed(change: unknown, { mustName }: { mustName: boolean }): boolean {
  if (
    typeof change !== 'object' ||
    change === null ||
    ![Object.prototype, null].includes(Object.getPrototypeOf(change))
  )
    return false;
  const entries = Object.entries(change);
  return (
    (!mustName || entries.some(([, value]) => value !== undefined)) &&
    entries.every(([key, value]) =>
      key === 'dynamicRange'
        ? value === undefined || rangeAllowed(value)
        : key === 'reservePorts'
          ? value === undefined || portsAllowed(value)
          : (SETTING_NAMES as readonly string[]).includes(key) &&
            (value === undefined || inRange(key as (typeof SETTING_NAMES)[number], value)),
    )
  );
}

function portsAllowed(value: unknown): boolean {
  const items = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(items) || items.length === 0 || items.length > 16) return false;
  const ports = items.map((item) => (typeof item === 'string' && /^\d{1,10}$/.test(item) ? Number(item) : item));
  return (
    ports.every((port) => Number.isInteger(port) && port >= 1 && port <= 65535) && new Set(ports).size === ports.length
  );
}

function rangeAllowed(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { start, count } = value as Record<string, unknown>;
  const number = (input: unknown) => (typeof input === 'string' && /^\d{1,10}$/.test(input) ? Number(input) : input);
  const [first, size] = [number(start), number(count)];
  return (
    Number.isInteger(first) &&
    Number.isInteger(size) &&
    (first as number) >= 1025 &&
    (size as number) >= 255 &&
    (first as number) + (size as number) - 1 <= 65535
  );
}

function inRange(name: (typeof SETTING_NAMES)[number], value: unknown): boolean {
  const number = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
  return (
    typeof number === 'number' &&
    Number.isInteger(number) &&
    number >= SETTINGS[name].min &&
    number <= SETTINGS[name].max
  );
}
