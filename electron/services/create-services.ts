import { randomBytes } from 'node:crypto';
import { uptime } from 'node:os';
import path from 'node:path';
import { createBackup } from './backup/backup';
import { ChangeEngine } from './change/change-engine';
import { dynamicRangeKind } from './change/dynamic-range-kind';
import { DiagnosisService } from './diagnosis/diagnosis-service';
import { PoolSampler } from './diagnosis/sampling';
import { SnapshotStore } from './diagnosis/snapshots';
import { windowsTool } from './host/windows-tools';
import { NetshPorts } from './netsh/netsh-ports';
import { registryKind } from './change/registry-kind';
import { reservedPortsKind } from './change/reserved-ports-kind';
import { TunerError } from './errors';
import { auditReader } from './host/audit';
import { checkDataFolderPath, dataFolderGuard, dataFolderWarnings } from './host/data-folder';
import { strayLockWarnings } from './change/change-lock';
import { elevationCheck, type Rights } from './host/elevation-check';
import { resolveTarget, type Target } from './host/target';
import { windowsInfoReader } from './host/windows-version';
import { Journal } from './change/journal';
import type { ProcessRunner } from './host/process-runner';
import { consoleRunner } from './host/code-page';
import { consoleStreaming, type Streaming } from './host/code-page-stream';
import type { RegistryBackend } from './registry/backend';
import { FallbackBackend } from './registry/fallback-backend';
import { RegExeBackend } from './registry/reg-exe-backend';
import { RegeditBackend, useScriptFolder, type RegeditModule } from './registry/regedit-backend';
import { pinScriptHost, regeditScriptHost } from './registry/script-host';
import { RestartService } from './host/restart';
import { probe, type ProbeService } from './probe/probe';
import { ChangeService } from './change-service';

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
  tuner: ChangeService;
  diagnosis: DiagnosisService;
  /** The live pool: netstat every sample, the rest from the last minute's diagnosis. */
  sampler: PoolSampler;
  restart: RestartService;
  target: Target;
  run: ProcessRunner;
  probe: ProbeService;
}

/**
 * The one composition root: builds the services for this machine, for the app, the preview and
 * the CLI alike. The only place that knows which parts to use.
 */
export async function createServices(options: ServiceOptions = {}): Promise<Services> {
  const target = resolveTarget(options.env, options.platform);
  checkDataFolderPath(target);
  const run = options.run ?? consoleRunner(target.regCommand);
  const rights = elevationCheck(target, run);
  const backend = await chooseBackend(options.backend ?? 'auto', target, run, mayWrite(rights), options.vbsFolder);
  // A runner given by a test answers netstat too; the live sample then reads through it.
  return assembleServices(target, run, backend, rights, options.run ? undefined : consoleStreaming(target.regCommand));
}

/** The services over a given registry backend: createServices' second half, and how tests put a faulty backend in between. */
export function assembleServices(
  target: Target,
  run: ProcessRunner,
  backend: RegistryBackend,
  rights = elevationCheck(target, run),
  streaming?: Streaming,
): Services {
  const backupDir = path.join(target.dataDir, 'backups');
  const now = () => new Date();
  const bootTime = () => Date.now() - uptime() * 1000;
  // Scratch files live in the machine-wide data folder, where only administrators may write;
  // each is used inside a folder of its own (host/scratch.ts), under a name no one can guess.
  const scratchFile = (purpose: string, extension = 'reg') =>
    path.join(target.dataDir, 'scratch', `${purpose}-${randomBytes(8).toString('hex')}.${extension}`);
  const makeBackup = (folder: string) => createBackup(backend, folder, now(), target.dataDir);
  const netsh = new NetshPorts(windowsTool(target, 'netsh'), run, mayWrite(rights));
  const audit = auditReader(target, run);
  // The product's kinds, in the order a change writes them: the journal holds the states of these.
  const kinds = [registryKind(backend, scratchFile), dynamicRangeKind(netsh), reservedPortsKind(netsh)];
  const journal = new Journal(target.dataDir, backupDir, kinds);
  const engine = new ChangeEngine({
    kinds,
    backend,
    journal,
    makeBackup,
    audit: async () => ({ ...(await audit()), backend: backend.name }),
    bootTime,
    now,
    scratchFile,
  });
  const tuner = new ChangeService({
    backend,
    journal,
    engine,
    makeBackup,
    rights,
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
    tools: {
      netstat: windowsTool(target, 'netstat'),
      wevtutil: windowsTool(target, 'wevtutil'),
      tasklist: windowsTool(target, 'tasklist'),
    },
    netsh,
    netshScript: () => scratchFile('netsh-reads', 'txt'),
    // A stand-in prints Windows' format, listening rows and PIDs included.
    nativeNetstat: target.host === 'windows' || Boolean(target.regCommand.env.TCP_PORT_TUNER_NETSTAT_COMMAND),
    readValues: () => backend.readValues(),
    dataDir: target.dataDir,
    streaming,
  });
  const sampler = new PoolSampler(diagnosis, new SnapshotStore(target.dataDir));
  diagnosis.onContext((context) => sampler.remember(context));
  return {
    tuner,
    diagnosis,
    sampler,
    restart: new RestartService(target, run),
    target,
    run,
    probe: (request) => probe(request),
  };
}

/** For a tool that failed a write: was it for want of rights? Rights not read count as not held. */
function mayWrite(rights: () => Promise<Rights>): () => Promise<boolean> {
  return async () => (await rights()).canWrite;
}

/**
 * reg.exe by its full path unless regedit is asked for: regedit runs Windows Script Host with no
 * windowsHide (a console flashes per call from the wizard) and finds it by bare name. Asked for,
 * regedit runs only with its lookup pinned to System32's cscript.exe, and falls back to reg.exe
 * on any failure but a refusal of access.
 */
async function chooseBackend(
  choice: BackendChoice,
  target: Target,
  run: ProcessRunner,
  canWrite: () => Promise<boolean>,
  vbsFolder?: string,
): Promise<RegistryBackend> {
  const regExe = new RegExeBackend(target.regCommand, run, canWrite);
  if (choice !== 'regedit') return regExe;
  if (target.host !== 'windows') {
    throw new TunerError(
      'not-supported',
      'The regedit backend needs Windows Script Host, which only Windows has. Use --backend reg.',
    );
  }
  const regedit = await import('regedit');
  if (vbsFolder && !useScriptFolder(regedit, vbsFolder)) {
    throw new TunerError(
      'not-supported',
      `The regedit backend's scripts are missing from ${vbsFolder}. Use --backend reg.`,
    );
  }
  const cscript = path.win32.join(target.system32 ?? '', 'cscript.exe');
  if (!(await pinScriptHost(await regeditScriptHost(), cscript))) {
    throw new TunerError(
      'not-supported',
      `The regedit package could not be made to run ${cscript} by its full path. Use --backend reg.`,
    );
  }
  return new FallbackBackend(new RegeditBackend(regedit as unknown as RegeditModule, regExe), regExe);
}
