/**
 * The regedit package needs Windows Script Host and WMI, which Wine cannot provide: this suite
 * runs the backend contract on a Windows machine, elevated, against the machine's own key. It
 * puts both settings back as they were when it ends.
 */
import { after, before, describe } from 'node:test';
import { resolveTarget } from '../../electron/services/host/target';
import { runProcess } from '../../electron/services/host/process-runner';
import { RegExeBackend } from '../../electron/services/registry/reg-exe-backend';
import { RegeditBackend, type RegeditModule } from '../../electron/services/registry/regedit-backend';
import { freshPath, makeTempRoot, removeTempRoot } from '../helpers/temp-folder';
import { KEY, type RegTool, SETTINGS, windowsRegTool } from '../helpers/wine-prefix';
import { exportedValue, regExport, regImport, writeRegFile } from '../helpers/reg-checks';
import { runBackendContract, type BackendUnderTest } from '../wine/backend-contract';

const skip = process.platform === 'win32' ? undefined : 'needs Windows Script Host: runs on a Windows machine only';

describe('RegeditBackend on Windows', () => {
  let scratch: string | undefined;
  let tool: RegTool;
  let subject: BackendUnderTest;
  let original: string[] = [];

  before(async () => {
    if (skip) return;
    scratch = await makeTempRoot('regedit');
    tool = windowsRegTool(scratch);
    const exported = await regExport(tool);
    original = SETTINGS.map((name) => exportedValue(exported, name) ?? `"${name}"=-`);
    const regedit = (await import('regedit')) as unknown as RegeditModule;
    const regExe = new RegExeBackend(resolveTarget(process.env, 'win32').regCommand, runProcess);
    subject = { tool, backend: new RegeditBackend(regedit, regExe) };
  });

  after(async () => {
    if (!scratch) return;
    const file = `${freshPath(scratch, 'restore')}.reg`;
    await writeRegFile(file, [`[${KEY}]`, ...original]);
    await regImport(tool, file);
    await removeTempRoot(scratch);
  });

  runBackendContract('regedit package', () => subject, { skip });
});
