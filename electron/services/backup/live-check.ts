import { PARAMETERS_KEY, SETTING_NAMES } from '../../../shared/settings';
import type { ValueState } from '../../../shared/registry-value';
import { TunerError } from '../errors';
import { settingsOfTree, treeDifferences, treeOfRegFile, type KeyTree } from '../registry/key-tree';
import { decodeRegFile, parseRegFile } from '../registry/reg-file';
import { valueStateOf, type Snapshot } from '../registry/snapshot';
import { errorReason as reason } from './backup-folder';

/**
 * Wine's `reg export` can exit 0 with a file cut off by a full disk: the export counts only once
 * the key as it is now reads the same as the file says, the two settings exactly and every
 * subkey and value, all from one `reg query /s` (`liveTree`, started beside the export).
 */
export async function verifyAgainstLiveKey(
  liveTree: Promise<KeyTree>,
  file: string,
  exported: Buffer,
  snapshot: Snapshot,
): Promise<void> {
  let tree: KeyTree;
  try {
    tree = await liveTree;
  } catch (error) {
    throw new TunerError(
      'backup-failed',
      `Could not check the backup ${file} against the key: ${reason(error)} It was not kept. Nothing was changed.`,
    );
  }
  const live = settingsOfTree(tree);
  const settings = SETTING_NAMES.filter((name) => !agreesWithLive(valueStateOf(snapshot[name]), live[name]));
  const parsed = parseRegFile(decodeRegFile(exported));
  // The settings are in the tree too: said once, by name.
  const said = settings.map((name) => `${name.toLowerCase()} under ${PARAMETERS_KEY.toLowerCase()} `);
  const off = [
    ...settings,
    ...(parsed
      ? treeDifferences(treeOfRegFile(parsed), tree).filter((line) => !said.some((start) => line.startsWith(start)))
      : []),
  ];
  if (off.length > 0) {
    throw new TunerError(
      'backup-failed',
      `The backup ${file} does not match the key as it is now (${off.slice(0, 3).join('; ')}${off.length > 3 ? `; ${off.length - 3} more` : ''}): the export was cut off (the disk may be full) or the key changed meanwhile. It was not kept. Nothing was changed.`,
    );
  }
}

/**
 * The same value as far as `reg query` can tell: present or not, the same type, and for a DWORD
 * the same number. Its text of a string is not exact (the console's code page), so a string's
 * data is not held against the export, which alone is exact.
 */
export function agreesWithLive(exported: ValueState, live: ValueState): boolean {
  if (!exported.present || !live.present) return exported.present === live.present;
  return exported.type === live.type && (exported.type !== 'REG_DWORD' || exported.data === live.data);
}
