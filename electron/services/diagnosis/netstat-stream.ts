import type { Streaming } from '../host/code-page-stream';
import { andSaid } from '../host/process-runner';
import type { ToolAccess } from '../host/windows-tools';
import { answerBegan } from '../host/tool-answer';
import { isHeader, noHeader, readRow } from './netstat';
import { isRowShaped } from './netstat-row';
import { SocketTally } from './socket-tally';

/**
 * parseNetstat (netstat.ts) for text that arrives in pieces: lines are cut as they complete
 * and each row is tallied as it is read, so the sample is ready when netstat ends. As strict:
 * no column header among the first two lines with text (or a row above it), a line that is not
 * a connection, or a state word not known, throws at once (which stops netstat), naming the line.
 */
export class NetstatStream {
  readonly tally = new SocketTally();
  /** netstat's own text, for the alert's snapshot: kept as it came, joined only when asked. */
  private readonly pieces: string[] = [];
  private partial = '';
  private before: string[] = [];
  private headed = false;

  /** Lines are found by index in the text as it came: no array of lines per piece. */
  readonly write = (text: string): void => {
    this.pieces.push(text);
    const joined = this.partial + text;
    let start = 0;
    let end: number;
    while ((end = joined.indexOf('\n', start)) !== -1) {
      this.line(joined.slice(start, end));
      start = end + 1;
    }
    this.partial = joined.slice(start);
  };

  /** After netstat ended: its last line, and an answer too short to hold a header. */
  end(): SocketTally {
    if (this.partial) this.line(this.partial);
    this.partial = '';
    if (!this.headed) throw noHeader(answerBegan(this.before.join('\n')));
    return this.tally;
  }

  raw(): string {
    return this.pieces.join('');
  }

  private line(text: string): void {
    if (this.headed) return readRow(text, this.tally.add);
    if (text.trim() === '') return;
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (isHeader(line)) return void (this.headed = true);
    this.before.push(line);
    // A row before the header would be neither read nor refused: the answer has no shape this reads.
    if (this.before.length > 1 || isRowShaped(line)) throw noHeader(answerBegan(this.before.join('\n')));
  }
}

/** netstat's whole answer, read as the live sample reads it: one reader and one tally for both. */
export function tallyNetstat(output: string): SocketTally {
  const reader = new NetstatStream();
  reader.write(output);
  return reader.end();
}

/**
 * netstat, read while it writes. It fails as the whole-output read does: the tool not found,
 * an exit code other than 0 with what it said, or the first line that cannot be read (which
 * stops netstat there).
 */
export async function streamNetstat(
  streaming: Streaming,
  access: ToolAccess,
  args: string[],
): Promise<{ tally: SocketTally; raw: () => string }> {
  if (!access.ok) throw new Error(access.reason);
  const { file, leadingArgs, env } = access.command;
  const reader = new NetstatStream();
  const decoder = streaming.decoderFor(reader.write);
  const { code, stderr } = await streaming.run(file, [...leadingArgs, ...args], env, (chunk) => decoder.write(chunk));
  await decoder.end();
  if (code !== 0) {
    const said: string[] = [];
    const errors = streaming.decoderFor((text) => said.push(text));
    errors.write(stderr);
    await errors.end();
    throw new Error(`netstat exited with ${code}${andSaid({ code, stdout: reader.raw(), stderr: said.join('') })}`);
  }
  return { tally: reader.end(), raw: () => reader.raw() };
}
