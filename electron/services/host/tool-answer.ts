/**
 * How an answer of the wrong shape began, for the reason a part was not read: the first line
 * with text (tools often start with an empty one), cut to a readable length.
 */
export function answerBegan(output: string): string {
  const line = output
    .split(/\r?\n/)
    .map((text) => text.trim())
    .find((text) => text !== '');
  if (line === undefined) return 'the answer was empty';
  return `it began "${line.length > 100 ? `${line.slice(0, 100)}...` : line}"`;
}

/** The lines that hold text, without their line ends (CRLF or LF). */
export function textLines(output: string): string[] {
  return output.split(/\r?\n/).filter((line) => line.trim() !== '');
}
