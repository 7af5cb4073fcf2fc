import { PARAMETERS_KEY } from '../../../shared/settings';
import { encodeRegFile, REG_FILE_HEADER } from '../registry/reg-file';
import { describeExport, hexDword, namedSettings, type ExportChange, type ExportOptions } from './export-change';

/**
 * What `reg export` writes: UTF-16LE with a byte-order mark and CRLF, `dword:` values, and
 * `"Name"=-` to delete. A .reg file only holds registry values: the netsh range cannot travel in
 * one (export-change.ts refuses it).
 */
export function regFile(change: ExportChange, options: ExportOptions): Buffer {
  const lines = [
    REG_FILE_HEADER,
    '',
    ...describeExport(change, options).map((line) => `; ${line}`),
    '',
    `[${PARAMETERS_KEY}]`,
    ...namedSettings(change).map(
      (name) => `"${name}"=${options.undo ? '-' : `dword:${hexDword(change.registry[name] as number)}`}`,
    ),
    '',
    '',
  ];
  return encodeRegFile(lines.join('\r\n'));
}
