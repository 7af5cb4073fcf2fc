/** Whether Windows' Node.js runs in a prefix: the Windows-mode suite's one reason to skip. */
import { existsSync } from 'node:fs';
import { WINDOWS_NODE, type WindowsPrefix } from './prefix';

/**
 * Why Windows' Node.js cannot run in this prefix, or null when it runs as a win32 process. The
 * suite is skipped with this reason, and only for it.
 */
export async function windowsNodeProblem(prefix: WindowsPrefix): Promise<string | null> {
  if (!existsSync(WINDOWS_NODE))
    return `Windows' Node.js is not at ${WINDOWS_NODE} (bash scripts/setup.sh puts it there)`;
  const probe = await prefix
    .run(WINDOWS_NODE, ['-p', '`${process.platform} ${process.version}`'])
    .catch((error: Error) => ({ code: null, stdout: '', stderr: error.message }));
  if (/^win32 v22\.20\.0\s*$/.test(probe.stdout)) return null;
  const said = `${probe.stdout} ${probe.stderr}`.replace(/\s+/g, ' ').trim().slice(0, 300);
  return `Wine cannot run Windows' Node.js here (exit ${probe.code}: ${said || 'no output'})`;
}
