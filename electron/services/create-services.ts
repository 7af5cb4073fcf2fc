import { randomBytes } from 'node:crypto';
import { uptime } from 'node:os';
import path from 'node:path';
import { createBackup } from './backup/backup';
import { ChangeEngine } from './change/change-engine';
import { dynamicRangeKind } from './change/dynamic-range-kind';
import { DiagnosisService } from './diagnosis/diagnosis-service';
import { windowsTool } from './host/windows-tools';
import { NetshPorts } from './netsh/netsh-ports';
import { registryKind } from './change/registry-kind';
import { reservedPortsKind } from './change/reserved-ports-kind';
import { TunerError } from './errors';
import { auditReader } from './host/audit';
import { dataFolderGuard, dataFolderWarnings } from './host/data-folder';
import { strayLockWarnings } from './change/change-lock';
import { elevationCheck } from './host/elevation-check';
import { resolveTarget, type Target } from './host/target';
import { windowsInfoReader } from './host/windows-version';
import { Journal } from './change/journal';
import { runProcess, type ProcessRunner } from './host/process-runner';
import type { RegistryBackend } from './registry/backend';
import { FallbackBackend } from './registry/fallback-backend';
import { RegExeBackend } from './registry/reg-exe-backend';
import { isScriptHostUnavailable, RegeditBackend, useScriptFolder, type RegeditModule } from './registry/regedit-backend';
import { RestartService } from './host/restart';
import { TunerService } from './tuner';

export type BackendChoice = 'auto' | 'reg' | 'regedit';

export interface ServiceOptions {
  backend?: BackendChoice;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  run?: ProcessRunner;
  /** Where the regedit package's VBScript files are when they cannot be read from inside asar. */
  vbsFolder?: string;
}

export interface Services {
  tuner: TunerService;
  diagnosis: DiagnosisService;
  restart: RestartService;
  target: Target;
  run: ProcessRunner;
}

/**
 * The one composition root: builds the services for this machine, for the app, the preview and
 * the CLI alike. The only place that knows which parts to use.
 */
export async function createServices(options: ServiceOptions = {}): Promise<Services> {
  const run = options.run ?? runProcess;
  const target = resolveTarget(options.env, options.platform);
  const canWrite = elevationCheck(target, run);
  return assembleServices(target, run, await chooseBackend(options.backend ?? 'auto', target, run, canWrite, options.vbsFolder), canWrite);
}

/** The services over a given registry backend: createServices' second half, and how tests put a faulty backend in between. */
export function assembleServices(target: Target, run: ProcessRunner, backend: RegistryBackend, canWrite = elevationCheck(target, run)): Services {
  const backupDir = path.join(target.dataDir, 'backups');
  const journal = new Journal(target.dataDir, backupDir);
  const now = () => new Date();
  const bootTime = () => Date.now() - uptime() * 1000;
  // Scratch files live in the machine-wide data folder, where only administrators may write.
  const scratchFile = (purpose: string) => path.join(target.dataDir, 'scratch', `${purpose}-${process.pid}-${randomBytes(6).toString('hex')}.reg`);
  const makeBackup = (folder: string) => createBackup(backend, folder, now(), target.dataDir);
  const netsh = new NetshPorts(windowsTool(target, 'netsh'), run);
  const engine = new ChangeEngine({
    kinds: [registryKind(backend, scratchFile), dynamicRangeKind(netsh), reservedPortsKind(netsh)],
    backend,
    journal,
    makeBackup,
    audit: auditReader(target, run),
    bootTime,
    now,
    scratchFile,
  });
  const tuner = new TunerService({
    backend,
    journal,
    engine,
    makeBackup,
    canWrite,
    secureDataDir: dataFolderGuard(target, run),
    warnings: async () => [...dataFolderWarnings(target), ...(await strayLockWarnings(target.dataDir))],
    windows: windowsInfoReader(target),
    dataDir: target.dataDir,
    defaultBackupDir: backupDir,
    bootTime,
    now,
  });
  const diagnosis = new DiagnosisService({
    run,
    tools: { netstat: windowsTool(target, 'netstat'), wevtutil: windowsTool(target, 'wevtutil'), tasklist: windowsTool(target, 'tasklist') },
    netsh,
    nativeNetstat: target.host === 'windows',
    readValues: () => backend.readValues(),
  });
  return { tuner, diagnosis, restart: new RestartService(target, run), target, run };
}

async function chooseBackend(choice: BackendChoice, target: Target, run: ProcessRunner, canWrite: () => Promise<boolean>, vbsFolder?: string): Promise<RegistryBackend> {
  const regExe = new RegExeBackend(target.regCommand, run, canWrite);
  if (choice === 'reg' || (choice === 'auto' && target.host !== 'windows')) return regExe;
  if (target.host !== 'windows') {
    throw new TunerError('not-supported', 'The regedit backend needs Windows Script Host, which only Windows has. Use --backend reg.');
  }
  const regedit = await import('regedit');
  if (vbsFolder && !useScriptFolder(regedit, vbsFolder)) {
    if (choice === 'regedit') throw new TunerError('not-supported', `The regedit backend's scripts are missing from ${vbsFolder}. Use --backend reg.`);
    return regExe;
  }
  const viaScriptHost = new RegeditBackend(regedit as unknown as RegeditModule, regExe);
  return choice === 'regedit' ? viaScriptHost : new FallbackBackend(viaScriptHost, regExe, isScriptHostUnavailable);
}
