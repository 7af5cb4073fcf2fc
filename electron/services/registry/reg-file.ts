import type { RegType, ValueState } from '../../../shared/registry-value';

/** What `reg export` writes and `reg import` reads (Windows' regedit format, version 5). */
export const REG_FILE_HEADER = 'Windows Registry Editor Version 5.00';

export interface RegFile {
  /** Key path (as written in the file) to its values: name to the text after `=`. */
  keys: Map<string, Map<string, string>>;
}

const HEX_TYPES: Record<string, RegType> = {
  '0': 'REG_NONE',
  '1': 'REG_SZ',
  '2': 'REG_EXPAND_SZ',
  '3': 'REG_BINARY',
  '4': 'REG_DWORD',
  '5': 'REG_DWORD_BIG_ENDIAN',
  '6': 'REG_LINK',
  '7': 'REG_MULTI_SZ',
  '8': 'REG_RESOURCE_LIST',
  '9': 'REG_FULL_RESOURCE_DESCRIPTOR',
  a: 'REG_RESOURCE_REQUIREMENTS_LIST',
  b: 'REG_QWORD',
};

/** `reg export` writes UTF-16LE with a byte-order mark; older tools wrote plain text. */
export function decodeRegFile(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
  return buffer.toString('utf8').replace(/^\uFEFF/, '');
}

export function encodeRegFile(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** Returns null when the text is not a registry file at all. */
export function parseRegFile(text: string): RegFile | null {
  const lines = text.replace(/\\\r?\n\s*/g, '').split(/\r?\n/);
  if (lines[0]?.trim() !== REG_FILE_HEADER) return null;
  const keys = new Map<string, Map<string, string>>();
  let current: Map<string, string> | null = null;
  for (const line of lines.slice(1)) {
    if (line.startsWith('[') && line.trimEnd().endsWith(']')) {
      // A key may appear twice (a backup lists its deletions after the export): import applies both.
      const key = line.trim().slice(1, -1);
      current = keys.get(key) ?? new Map();
      keys.set(key, current);
      continue;
    }
    const entry = current ? parseEntry(line) : null;
    if (entry && current) current.set(entry.name, entry.payload);
  }
  return { keys };
}

/** Finds a key's values regardless of letter case, as Windows does. */
export function valuesOfKey(file: RegFile, key: string): Map<string, string> | null {
  for (const [path, values] of file.keys) {
    if (path.toLowerCase() === key.toLowerCase()) return values;
  }
  return null;
}

function parseEntry(line: string): { name: string; payload: string } | null {
  if (line.startsWith('@=')) return { name: '', payload: normalizePayload(line.slice(2)) };
  if (!line.startsWith('"')) return null;
  let name = '';
  for (let i = 1; i < line.length; i++) {
    const char = line[i];
    if (char === '\\' && i + 1 < line.length) {
      name += line[++i];
    } else if (char === '"') {
      return line[i + 1] === '=' ? { name, payload: normalizePayload(line.slice(i + 2)) } : null;
    } else {
      name += char;
    }
  }
  return null;
}

/** One spelling per value, so two exports of the same data compare equal as text. */
function normalizePayload(payload: string): string {
  const text = payload.trim();
  return text.startsWith('"') ? text : text.replace(/\s+/g, '').toLowerCase();
}

/** What a payload holds, as the product reports values. Null for `-` (delete) or nonsense. */
export function decodePayload(payload: string): Extract<ValueState, { present: true }> | null {
  if (payload.startsWith('"') && payload.endsWith('"') && payload.length >= 2) {
    return { present: true, type: 'REG_SZ', data: unescapeString(payload.slice(1, -1)) };
  }
  const dword = /^dword:([0-9a-f]{1,8})$/.exec(payload);
  if (dword) return { present: true, type: 'REG_DWORD', data: Number.parseInt(dword[1], 16) };
  const hex = /^hex(?:\(([0-9a-f]+)\))?:([0-9a-f,]*)$/.exec(payload);
  if (!hex) return null;
  const type = hex[1] === undefined ? 'REG_BINARY' : HEX_TYPES[hex[1]];
  if (!type) return null;
  const bytes = Buffer.from(hex[2].replace(/,/g, ''), 'hex');
  return { present: true, type, data: decodeBytes(type, bytes) };
}

function decodeBytes(type: RegType, bytes: Buffer): number | string | string[] {
  switch (type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
    case 'REG_LINK':
      return bytes.toString('utf16le').replace(/\0+$/, '');
    case 'REG_MULTI_SZ': {
      const text = bytes.toString('utf16le').replace(/\0+$/, '');
      return text === '' ? [] : text.split('\0');
    }
    case 'REG_DWORD':
      return bytes.length === 4 ? bytes.readUInt32LE(0) : bytes.toString('hex');
    case 'REG_QWORD':
      return bytes.length === 8 ? bytes.readBigUInt64LE(0).toString() : bytes.toString('hex');
    default:
      return bytes.toString('hex');
  }
}

function unescapeString(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/** The payload that stores a DWORD, as `reg export` spells it. */
export function dwordPayload(value: number): string {
  return `dword:${value.toString(16).padStart(8, '0')}`;
}

/** A file that sets each named value to its payload, or deletes it where the payload is null. */
export function buildRegFile(key: string, values: ReadonlyArray<readonly [string, string | null]>): Buffer {
  const lines = [REG_FILE_HEADER, '', `[${key}]`];
  for (const [name, payload] of values) {
    lines.push(`"${name.replace(/[\\"]/g, '\\$&')}"=${payload ?? '-'}`);
  }
  return encodeRegFile(`${lines.join('\r\n')}\r\n\r\n`);
}
