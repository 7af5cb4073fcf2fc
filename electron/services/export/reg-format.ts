import { encodeRegFile, REG_FILE_HEADER } from '../registry/reg-file';
import {
  bodiesIn,
  describeExport,
  hexDword,
  type ExportChange,
  type ExportOptions,
  type RegistryItem,
} from './export-change';

/** Each key once, in the order first named, with its values below it. */
function keys(items: RegistryItem[]): string[] {
  return [...new Set(items.map((item) => item.key))].flatMap((key) => [
    `[HKEY_LOCAL_MACHINE\\${key}]`,
    ...items
      .filter((item) => item.key === key)
      .map((item) => `"${item.name}"=${item.dword === null ? '-' : `dword:${hexDword(item.dword)}`}`),
  ]);
}

/**
 * What `reg export` writes: UTF-16LE with a byte-order mark and CRLF, `dword:` values, and
 * `"Name"=-` to delete. A .reg file only holds registry values: a kind without a .reg body (the
 * netsh range) is refused before this runs.
 */
export function regFile(change: ExportChange, options: ExportOptions): Buffer {
  const lines = [
    REG_FILE_HEADER,
    '',
    ...describeExport(change, options).map((line) => `; ${line}`),
    '',
    ...keys(bodiesIn('reg').flatMap((body) => body(change, options.undo))),
    '',
    '',
  ];
  return encodeRegFile(lines.join('\r\n'));
}
