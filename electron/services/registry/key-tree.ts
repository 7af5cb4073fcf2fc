import type { RegType, ValueState } from '../../../shared/registry-value';
import { PARAMETERS_KEY, perSetting, pickSettings, type PerSetting } from '../../../shared/settings';
import { decodePayload, type RegFile } from './reg-file';

/**
 * A key and every subkey below it: key path (lower case, as Windows compares) to its values
 * (name in lower case to type and, where both tools show it exactly, data). What a backup must
 * hold whole: an export cut off after the two settings would lose the Interfaces subkey, and
 * importing it later could not bring that back.
 */
export type KeyTree = Map<string, Map<string, { type: RegType | 'unknown'; data: string | null }>>;

const KEY_LINE = /^HKEY_[A-Z_]+\\/;
const VALUE_LINE = /^ {4}(.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

/**
 * `reg query KEY /s`, Windows' and Wine's alike. The unnamed value is left out on both sides:
 * reg query names it in the display language ("(Default)", "(Standard)") and lists it on
 * Windows even when it is not set, where an export has no line for it.
 */
export function treeOfRegQuery(output: string): KeyTree {
  const tree: KeyTree = new Map();
  let values: Map<string, { type: RegType | 'unknown'; data: string | null }> | null = null;
  for (const line of output.split(/\r?\n/)) {
    if (KEY_LINE.test(line)) {
      values = new Map();
      tree.set(line.trim().toLowerCase(), values);
      continue;
    }
    const match = values ? VALUE_LINE.exec(line) : null;
    if (!match || !values || /^\(.*\)$/.test(match[1])) continue;
    values.set(match[1].toLowerCase(), { type: match[2] as RegType, data: exactData(match[2], match[3] ?? '') });
  }
  return tree;
}

/** A parsed `.reg` export as the same tree. */
export function treeOfRegFile(file: RegFile): KeyTree {
  const tree: KeyTree = new Map();
  for (const [key, entries] of file.keys) {
    const values = new Map<string, { type: RegType | 'unknown'; data: string | null }>();
    for (const [name, payload] of entries) {
      if (name === '' || /^\(.*\)$/.test(name)) continue;
      const decoded = decodePayload(payload);
      values.set(
        name.toLowerCase(),
        decoded
          ? { type: decoded.type, data: exactData(decoded.type, textOf(decoded.type, payload, decoded.data)) }
          : { type: 'unknown', data: null },
      );
    }
    tree.set(key.toLowerCase(), values);
  }
  return tree;
}

/**
 * Where an export differs from the key as reg query reads it now, in words (empty when it
 * holds all of it). String data is not compared: reg query prints it in the console's code
 * page, which is not exact; a DWORD's number and binary data are.
 */
export function treeDifferences(exported: KeyTree, live: KeyTree): string[] {
  const found: string[] = [];
  for (const [key, values] of live) {
    const held = exported.get(key);
    if (!held) {
      found.push(`the subkey ${key} is missing`);
      continue;
    }
    for (const [name, value] of values) {
      const other = held.get(name);
      if (!other) found.push(`${name} under ${key} is missing`);
      else if (other.type !== value.type || other.data !== value.data) found.push(`${name} under ${key} differs`);
    }
    for (const name of held.keys()) if (!values.has(name)) found.push(`${name} under ${key} is not in the key`);
  }
  for (const key of exported.keys()) if (!live.has(key)) found.push(`the subkey ${key} is not in the key`);
  return found;
}

/**
 * Both settings as `reg query /s` lists them under the key itself: present, type and a DWORD's
 * number, all that a backup's check compares. One `reg query /s` thus serves both the settings'
 * check and the subkeys', where a second `reg query` would read the same lines again.
 */
export function settingsOfTree(tree: KeyTree): PerSetting<ValueState> {
  const found = pickSettings(tree.get(PARAMETERS_KEY.toLowerCase()) ?? []);
  return perSetting((name): ValueState => {
    const value = found[name];
    if (!value) return { present: false };
    const type = value.type === 'unknown' ? 'REG_NONE' : value.type;
    return type === 'REG_DWORD' && value.data !== null
      ? { present: true, type, data: Number(value.data) }
      : { present: true, type };
  });
}

/** Data both tools print exactly: a DWORD's number, binary bytes as hex. */
function exactData(type: string, text: string): string | null {
  if (type === 'REG_DWORD') return /^0x[0-9a-f]+$/i.test(text) ? String(Number.parseInt(text, 16)) : null;
  if (type === 'REG_BINARY') return text.toLowerCase();
  return null;
}

/** The export's data in reg query's spelling, for the types compared. */
function textOf(type: RegType, payload: string, data: unknown): string {
  if (type === 'REG_DWORD' && typeof data === 'number') return `0x${data.toString(16)}`;
  if (type === 'REG_BINARY') return payload.replace(/^hex:/, '').replace(/,/g, '');
  return '';
}
