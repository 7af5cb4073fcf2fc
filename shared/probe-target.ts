/**
 * What the probe may be pointed at, checked the same way by the CLI, the main side and the
 * page: a host name or IP address, a port, and an account name. Anything else is refused
 * before a single packet is sent.
 */
import { validateWholeNumber } from './validation';

const DEFAULT_MYSQL_PORT = 3306;
/** MariaDB's longest user name (MySQL's is 32). */
const USER_MAX = 80;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9A-Fa-f:.]+$/;
const LABEL = /^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;

export function isIpAddress(text: string): boolean {
  return IPV4.test(text) || (text.includes(':') && IPV6.test(text) && (text.match(/::/g) ?? []).length <= 1);
}

/** A host name (labels of letters, digits, - and _; at most 253 characters) or an IP address. */
export function checkHost(input: unknown): Checked<string> {
  if (typeof input !== 'string' || input.trim() === '')
    return { ok: false, message: 'The host is missing: give a host name or an IP address.' };
  const host = input.trim();
  if (isIpAddress(host)) return { ok: true, value: host };
  const labels = host.replace(/\.$/, '').split('.');
  if (host.length > 253 || /^\d+(\.\d+)*$/.test(host) || !labels.every((label) => LABEL.test(label))) {
    return { ok: false, message: `"${host.slice(0, 60)}" is not a host name or an IP address.` };
  }
  return { ok: true, value: host };
}

export function checkPort(input: unknown, label = 'The port'): Checked<number> {
  const found = validateWholeNumber(label, 1, 65535, input);
  return found.ok ? { ok: true, value: found.value } : found;
}

/**
 * HOST, HOST:PORT, [IPV6]:PORT or a bare IPv6 address (its colons are not a port). The port
 * defaults to MySQL's 3306.
 */
export function parseTarget(input: string): Checked<{ host: string; port: number }> {
  const text = input.trim();
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(text);
  const colons = (text.match(/:/g) ?? []).length;
  const [hostText, portText] = bracketed
    ? [bracketed[1], bracketed[2]]
    : colons === 1
      ? text.split(':')
      : [text, undefined];
  const host = checkHost(hostText);
  if (!host.ok) return host;
  if (portText === undefined) return { ok: true, value: { host: host.value, port: DEFAULT_MYSQL_PORT } };
  const port = checkPort(portText, `The port in "${text}"`);
  return port.ok ? { ok: true, value: { host: host.value, port: port.value } } : port;
}

/** An account name: not empty, no longer than MariaDB allows, no control characters. */
export function checkUser(input: unknown): Checked<string> {
  if (typeof input !== 'string' || input === '') return { ok: false, message: 'The user name is empty.' };
  if (input.length > USER_MAX || /[\u0000-\u001f\u007f]/.test(input))
    return { ok: false, message: `A user name has 1 to ${USER_MAX} printable characters.` };
  return { ok: true, value: input };
}
