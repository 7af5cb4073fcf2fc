import { answerBegan, textLines } from '../host/tool-answer';

const FIELD = /"((?:[^"]|"")*)"/g;
// "Image Name","PID","Session Name","Session#","Mem Usage": the names of images in the OEM code page.
const ROW = /^"(?:[^"]|"")*","\d+"(?:,"(?:[^"]|"")*"){3}$/;

/**
 * `tasklist /fo csv /nh`: one quoted row of five fields per process. Any other answer (an error,
 * a table, nothing) throws: there is always at least the System Idle Process.
 */
export function parseTasklist(output: string): Map<number, string> {
  const lines = textLines(output).map((line) => line.trim());
  if (lines.length === 0 || !lines.every((line) => ROW.test(line)))
    throw new Error(`tasklist's answer was not its CSV list (${answerBegan(output)})`);
  const names = new Map<number, string>();
  for (const line of lines) {
    const fields = [...line.matchAll(FIELD)].map((match) => match[1].replace(/""/g, '"'));
    names.set(Number(fields[1]), fields[0]);
  }
  return names;
}
