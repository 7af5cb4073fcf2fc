import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { messageOf } from '../errors';
import { plainFolder, replacePlain } from '../host/safe-file';

/** At most one snapshot a minute, the last twenty kept: enough for a ticket, never a full disk. */
const SNAPSHOT_GAP_MS = 60_000;
export const SNAPSHOTS_KEPT = 20;

const NAME = /^snapshot-(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z\.json$/;
const nameOf = (at: Date) => `snapshot-${at.toISOString().replace(/[:.]/g, '-')}.json`;
function timeOf(name: string): number {
  const match = NAME.exec(name);
  return match ? Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`) : NaN;
}

/**
 * The alert's evidence, as a DBA attaches it to a ticket: `snapshots\snapshot-<time>.json` in
 * the data folder. The app and `watch` share the folder, so the minute's gap is read from the
 * files themselves, not kept in memory. Each file is written to a temporary name, then renamed;
 * snapshots/ must be a real folder in the data folder and a snapshot name a plain file or none,
 * so a planted link cannot carry a write outside.
 */
export class SnapshotStore {
  readonly folder: string;

  constructor(private readonly dataDir: string) {
    this.folder = path.join(dataDir, 'snapshots');
  }

  /** `content` is built only when a snapshot is due: netstat's rows run to megabytes in an incident. */
  async save(at: Date, content: () => object): Promise<{ snapshot: string | null; note: string }> {
    try {
      // Listed and written only once known to be a real folder: a link would list, prune and fill another one.
      await plainFolder(this.folder, this.dataDir);
      const names = (await readdir(this.folder))
        .filter((name) => NAME.test(name) && !Number.isNaN(timeOf(name)))
        .sort();
      const newest = names.at(-1);
      if (newest && at.getTime() - timeOf(newest) < SNAPSHOT_GAP_MS) {
        return { snapshot: null, note: `one was saved less than a minute ago: ${path.join(this.folder, newest)}` };
      }
      const file = path.join(this.folder, nameOf(at));
      await replacePlain(file, `${JSON.stringify({ savedAt: at.toISOString(), ...content() }, null, 2)}\n`);
      const kept = [...names, path.basename(file)].sort();
      await Promise.all(
        kept
          .slice(0, Math.max(0, kept.length - SNAPSHOTS_KEPT))
          .map((name) => rm(path.join(this.folder, name), { force: true })),
      );
      return { snapshot: file, note: 'saved' };
    } catch (error) {
      return { snapshot: null, note: `could not be saved in ${this.folder}: ${messageOf(error)}` };
    }
  }
}
