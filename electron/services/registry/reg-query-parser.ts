import { REG_TYPES, type RegType, type ValueState } from '../../../shared/registry-value';
import { perSetting, pickSettings, type PerSetting } from '../../../shared/settings';

const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

/**
 * Reads the output of `reg query KEY` (Windows' and Wine's alike) and returns both settings,
 * whatever type someone stored them as.
 */
export function parseRegQuery(output: string): PerSetting<ValueState> {
  const values: [string, ValueState][] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = VALUE_LINE.exec(line);
    if (!match || !isRegType(match[2])) continue;
    values.push([match[1], { present: true, type: match[2], ...dataOf(match[2], match[3] ?? '') }]);
  }
  const found = pickSettings(values);
  return perSetting((name) => found[name] ?? { present: false });
}

function isRegType(type: string): type is RegType {
  return (REG_TYPES as readonly string[]).includes(type);
}

function dataOf(type: RegType, text: string): { data?: number | string | string[] } {
  switch (type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
    case 'REG_LINK':
      return { data: text };
    case 'REG_MULTI_SZ':
      return { data: text === '' ? [] : text.split('\\0') };
    case 'REG_DWORD':
    case 'REG_DWORD_BIG_ENDIAN':
      return /^0x[0-9a-f]+$/i.test(text) ? { data: Number.parseInt(text, 16) } : {};
    case 'REG_QWORD':
      // Wine prints "(null)" for every QWORD: the data is then unknown, not zero.
      return /^0x[0-9a-f]+$/i.test(text) ? { data: BigInt(text).toString() } : {};
    default:
      return { data: text.toLowerCase() };
  }
}
