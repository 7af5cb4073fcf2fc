import { restoreFileOf } from '../backup/backup';
import { TunerError } from '../errors';
import type { JournalData } from './journal';
import { partsOff, type KindOps } from './kind-ops';

const CAUSES =
  'What makes a data folder refuse an administrator: a read-only or system attribute on it or a file in it (attrib), ' +
  'an ACL that does not let Administrators write (icacls), or a full disk.';

/**
 * The commands that undo this tool's changes by hand, one each, in this order: the registry
 * values from the first backup's -restore.reg, the range of each family as it was (Windows may
 * have reshaped it since, so every family), then the exclusions the journal says this tool added,
 * released once the range is back. Empty when there is nothing to undo.
 */
export function manualUndo(ops: KindOps, record: JournalData): string[] {
  if (!record.baseline || !record.lastWritten) return [];
  const { states: baseline, backupFile } = record.baseline;
  const written = record.lastWritten;
  const lines = [`reg import "${restoreFileOf(backupFile)}"`];
  for (const kind of ops.in(baseline)) {
    const state = baseline[kind.id];
    if (kind.inBackup || state === undefined) continue;
    // Every part of a kind always this tool's to set (the range); of the others, those it changed.
    const changed = new Set(partsOff(kind, baseline, written).map((part) => part.name));
    const parts = kind.parts(state).filter((part) => kind.unrecorded === 'ours' || changed.has(part.name));
    lines.push(...kind.repairs(state, parts));
  }
  return lines;
}

/**
 * Exit 7, not 3: the tool runs as administrator and still the data folder refused a write, so
 * the folder is the problem. An undo hands over its steps to do by hand (`manual`), read from a
 * journal that could still be read.
 */
export function blockedFolder(error: TunerError, manual: string[] | null): TunerError {
  const steps =
    manual === null
      ? ''
      : manual.length > 0
        ? ' To undo by hand instead, run these commands as administrator, in this order:'
        : ' The journal names nothing to undo.';
  // The lock's own advice (start as administrator, or pick another folder) is for an account without rights: this one has them.
  return new TunerError('write-failed', `${error.said} ${CAUSES}${steps}`, manual ?? undefined);
}
