import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { messageOf } from '../errors';

/** At most one snapshot a minute, the last twenty kept: enough for a ticket, never a full disk. */
export const SNAPSHOT_GAP_MS = 60_000;
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
 * files themselves, not kept in memory. Each file is written to a temporary name, then renamed.
 */
export class SnapshotStore {
  readonly folder: string;

  constructor(dataDir: string) {
    this.folder = path.join(dataDir, 'snapshots');
  }

  async save(at: Date, content: object): Promise<{ snapshot: string | null; note: string }> {
    try {
      const names = (await this.names()).filter((name) => !Number.isNaN(timeOf(name)));
      const newest = names.at(-1);
      if (newest && at.getTime() - timeOf(newest) < SNAPSHOT_GAP_MS) {
        return { snapshot: null, note: `one was saved less than a minute ago: ${path.join(this.folder, newest)}` };
      }
      await mkdir(this.folder, { recursive: true });
      const file = path.join(this.folder, nameOf(at));
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify({ savedAt: at.toISOString(), ...content }, null, 2)}\n`);
      await rename(temporary, file);
      const kept = [...names, path.basename(file)].sort();
      await Promise.all(kept.slice(0, Math.max(0, kept.length - SNAPSHOTS_KEPT)).map((name) => rm(path.join(this.folder, name), { force: true })));
      return { snapshot: file, note: 'saved' };
    } catch (error) {
      return { snapshot: null, note: `could not be saved in ${this.folder}: ${messageOf(error)}` };
    }
  }

  private async names(): Promise<string[]> {
    const found = await readdir(this.folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    return found.filter((name) => NAME.test(name)).sort();
  }
}
