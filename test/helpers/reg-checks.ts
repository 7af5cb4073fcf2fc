/**
 * The independent registry checks and arrangements: Wine's (or Windows') own reg.exe reading and
 * writing the key, never the product's code.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { Run } from './processes';
import { freshPath } from './temp-folder';
import { KEY, SETTINGS, type RegTool } from './wine-prefix';

/** One value as `reg query` prints it: the type name and the data text, untouched. */
export interface QueriedValue {
  type: string;
  data: string;
}

async function mustReg(tool: RegTool, args: readonly string[]): Promise<Run> {
  const result = await tool.reg(args);
  if (result.code !== 0) {
    throw new Error(
      `reg ${args.join(' ')} exited with ${result.code}: ${result.stdout.trim()} ${result.stderr.trim()}`,
    );
  }
  return result;
}

/** Every value of the key by its exact name, as `reg query` prints it. */
export async function regQuery(tool: RegTool): Promise<Record<string, QueriedValue>> {
  const { stdout } = await mustReg(tool, ['query', KEY]);
  const values: Record<string, QueriedValue> = {};
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    if (match) values[match[1]] = { type: match[2], data: match[3] ?? '' };
  }
  return values;
}

/** The whole key as `reg export` writes it, decoded from its UTF-16LE. */
export async function regExport(tool: RegTool): Promise<string> {
  const file = freshPath(tool.scratch, 'export');
  await mustReg(tool, ['export', KEY, file, '/y']);
  const bytes = await readFile(file);
  await rm(file);
  if (bytes[0] !== 0xff || bytes[1] !== 0xfe)
    throw new Error('reg export did not write UTF-16LE with a byte-order mark');
  return bytes.subarray(2).toString('utf16le');
}

/**
 * The lines of the Parameters key itself in an export, without its subkeys: on a live Windows
 * those hold DHCP leases that may change between two exports.
 */
export function ownSection(exported: string): string[] {
  const lines = exported.split('\r\n');
  const start = lines.indexOf(`[${KEY}]`);
  if (start < 0) throw new Error('the export does not hold the Parameters key');
  const end = lines.indexOf('', start);
  return lines.slice(start, end < 0 ? undefined : end);
}

/** The line (with any continuation lines) that holds one value in an export; undefined when absent. */
export function exportedValue(exported: string, name: string): string | undefined {
  const lines = exported.split('\r\n');
  const start = lines.findIndex((line) => line.toLowerCase().startsWith(`"${name.toLowerCase()}"=`));
  if (start < 0) return undefined;
  let end = start;
  while (lines[end].endsWith('\\')) end += 1;
  return lines.slice(start, end + 1).join('\r\n');
}

/** Stores a value with `reg add`; a list is joined as REG_MULTI_SZ wants it. */
export async function setValue(
  tool: RegTool,
  name: string,
  type: string,
  data: string | number | readonly string[],
): Promise<void> {
  const text = Array.isArray(data) ? data.join('\\0') : String(data);
  await mustReg(tool, ['add', KEY, '/v', name, '/t', type, '/d', text, '/f']);
}

/** Deletes a value; one that is already absent is fine. */
export async function deleteValue(tool: RegTool, name: string): Promise<void> {
  const result = await tool.reg(['delete', KEY, '/v', name, '/f']);
  if (result.code !== 0 && !/unable to find/i.test(`${result.stdout} ${result.stderr}`)) {
    throw new Error(`reg delete ${name} exited with ${result.code}: ${result.stdout.trim()} ${result.stderr.trim()}`);
  }
}

/** Both settings absent, as on a machine nobody has tuned. */
export async function resetValues(tool: RegTool): Promise<void> {
  for (const name of SETTINGS) await deleteValue(tool, name);
}

export async function regImport(tool: RegTool, file: string): Promise<void> {
  await mustReg(tool, ['import', file]);
}

/** A `.reg` file exactly as reg.exe writes one: UTF-16LE with a byte-order mark, CRLF lines. */
export async function writeRegFile(file: string, lines: readonly string[]): Promise<void> {
  const text = ['Windows Registry Editor Version 5.00', '', ...lines, '', ''].join('\r\n');
  await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}

// ---------------------------------------------------------------------------------------------
// The product as a user runs it
