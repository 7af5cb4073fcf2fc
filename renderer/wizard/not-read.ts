/** How every part the diagnosis could not read is shown: never an empty table, never "none". */
export function notRead(reason: string | undefined): string {
  return `not read: ${reason ?? 'unknown reason'}`;
}
