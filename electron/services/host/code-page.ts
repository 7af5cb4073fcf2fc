import type { RegCommand } from '../registry/reg-exe-backend';
import { processRunner, type Decode, type ProcessRunner } from './process-runner';

/** Where Windows (and Wine) name the code pages; OEMCP is the one console tools write in. */
export const CODE_PAGE_KEY = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage';

/** `reg query CODE_PAGE_KEY /v OEMCP`: the value's line is ASCII in every code page. */
export function parseOemCodePage(output: string): number | null {
  const found = /^\s+OEMCP\s+REG_SZ\s+(\d+)\s*$/im.exec(output);
  return found ? Number(found[1]) : null;
}

type Iconv = typeof import('iconv-lite');
let iconvLoaded: Promise<Iconv> | undefined;
/** Loaded on first need: its tables cost a start-up that prints only ASCII (most runs) nothing. */
export const iconv = () =>
  (iconvLoaded ??= import('iconv-lite').then((loaded) => (loaded as Iconv & { default?: Iconv }).default ?? loaded));

/** Text in the given code page; a code page not known (or 65001, which is UTF-8) as UTF-8. */
export async function decodeCodePage(bytes: Buffer, codePage: number | null): Promise<string> {
  const name = `cp${codePage}`;
  const { decode, encodingExists } = await iconv();
  return codePage !== null && encodingExists(name) ? decode(bytes, name) : bytes.toString('utf8');
}

const isAscii = (bytes: Buffer) => bytes.every((byte) => byte < 0x80);

/**
 * Decodes with the OEM code page, learnt once and only when a tool first writes a byte outside
 * ASCII: ASCII is the same in every OEM code page (437, 850, 866, 932, 936...), so the common
 * `reg query` costs no second process. `chcp` cannot tell (Wine's prints 0; `chcp 65001` was
 * reported unreliable).
 */
export function consoleDecoder(readCodePage: () => Promise<number | null>): Decode {
  let codePage: Promise<number | null> | undefined;
  return async (bytes) =>
    isAscii(bytes) ? bytes.toString('latin1') : decodeCodePage(bytes, await (codePage ??= readCodePage()));
}

/** Reads OEMCP through reg.exe by its full path (or Wine's), never through a program found on PATH. */
export function oemCodePageReader(command: RegCommand): () => Promise<number | null> {
  // Its own answer is read as ASCII: the line that matters is ASCII whatever the code page.
  const run = processRunner((bytes) => bytes.toString('latin1'));
  return async () => {
    const result = await run(
      command.file,
      [...command.leadingArgs, 'query', CODE_PAGE_KEY, '/v', 'OEMCP'],
      command.env,
    ).catch(() => null);
    return result?.code === 0 ? parseOemCodePage(result.stdout) : null;
  };
}

/** The runner for Windows' console tools (and Wine's, which write the OEM code page into a pipe as well). */
export function consoleRunner(command: RegCommand): ProcessRunner {
  return processRunner(consoleDecoder(oemCodePageReader(command)));
}
