/** What went wrong, as the main side tells the renderer and the CLI maps to its exit codes. */
export type ErrorKind =
  | 'invalid-input'
  | 'not-permitted'
  | 'registry-failed'
  /** A netsh step (the dynamic range, a reservation) failed, or netsh could not be read reliably. */
  | 'netsh-failed'
  /** A step failed and putting the values back failed too: the registry may be half-changed. */
  | 'restore-failed'
  /** The backup itself failed: the key could not be exported or read back, or the export is not a true copy of it. */
  | 'backup-failed'
  /**
   * A file or folder this tool writes could not be written, or something other than a plain file
   * stands there: the data folder, the change lock, a backup's files, an export, a textfile.
   */
  | 'write-failed'
  /** The change journal could not be written, or what stands at its name is refused (a link, a folder, far too large). */
  | 'journal-failed'
  | 'undo-refused'
  /** Another process of this tool is making a change right now. */
  | 'busy'
  | 'tool-missing'
  | 'journal-unreadable'
  | 'not-supported'
  | 'unexpected';

/** A failure as the main side worded it: its message already says what was left unchanged. */
export interface Failure {
  kind: ErrorKind;
  message: string;
  /**
   * Commands that finish by hand what the tool could not (exit 6, a blocked data folder), one
   * per entry: cmd.exe does not take two joined with " ; ". Only what this tool itself changed.
   */
  repairs?: string[];
}
