/**
 * Temporary folders under the system's temp folder, each removed whole when its suite ends.
 *
 *   const temp = tempFolder('journal');   // in a describe: made before its tests, removed after
 *   it('...', () => { const dataDir = temp.fresh('data'); ... });
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suiteFixture } from './suite-fixture';

export function makeTempRoot(label: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `tcp-port-tuner-${label}-`));
}

export function removeTempRoot(root: string): Promise<void> {
  return rm(root, { recursive: true, force: true });
}

let serial = 0;

/** A path inside `root` that no earlier call returned; not created, so the product makes it. */
export function freshPath(root: string, name: string): string {
  serial += 1;
  return path.join(root, `${name}-${serial}`);
}

export interface TempFolder {
  /** The folder itself; only inside the suite's hooks and tests. */
  readonly path: string;
  /** A path inside the folder that no earlier call returned, not created. */
  fresh(name: string): string;
}

/** Registers the suite's hooks: the folder is made before its first test and removed after its last. */
export function tempFolder(label: string): TempFolder {
  const folder = suiteFixture(`the ${label} temp folder`, () => makeTempRoot(label), removeTempRoot);
  return {
    get path() {
      return folder();
    },
    fresh: (name) => freshPath(folder(), name),
  };
}
