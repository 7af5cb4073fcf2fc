/** `tasklist /fo csv /nh`: "Image Name","PID","Session Name","Session#","Mem Usage", one process a row. */
export function parseTasklist(output: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const line of output.split('\n')) {
    const fields = [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((match) => match[1].replace(/""/g, '"'));
    const pid = Number(fields[1]);
    if (fields.length >= 2 && Number.isInteger(pid)) names.set(pid, fields[0]);
  }
  return names;
}
