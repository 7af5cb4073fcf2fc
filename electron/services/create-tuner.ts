import { uptime } from 'node:os';
import path from 'node:path';
import { TunerError } from './errors';
import { dataFolderGuard } from './host/data-folder';
import { elevationCheck } from './host/elevation';
import { resolveTarget, type Target } from './host/target';
import { windowsInfoReader } from './host/windows-version';
import { Journal } from './journal';
import { runProcess, type ProcessRunner } from './process-runner';
import type { RegistryBackend } from './registry/backend';
import { FallbackBackend } from './registry/fallback-backend';
import { RegExeBackend } from './registry/reg-exe-backend';
import { isScriptHostUnavailable, RegeditBackend, type RegeditModule } from './registry/regedit-backend';
import { TunerService } from './tuner';

export type BackendChoice = 'auto' | 'reg' | 'regedit';

export interface TunerOptions {
  backend?: BackendChoice;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  run?: ProcessRunner;
  /** Where the regedit package's VBScript files are when they cannot be read from inside asar. */
  vbsFolder?: string;
}

export interface Tuner {
  service: TunerService;
  target: Target;
  run: ProcessRunner;
  backupDir: string;
}

/** Puts the service together for this machine: the one place that knows which parts to use. */
export async function createTuner(options: TunerOptions = {}): Promise<Tuner> {
  const run = options.run ?? runProcess;
  const target = resolveTarget(options.env, options.platform);
  const backupDir = path.join(target.dataDir, 'backups');
  const service = new TunerService({
    backend: await chooseBackend(options.backend ?? 'auto', target, run, options.vbsFolder),
    journal: new Journal(target.dataDir, backupDir),
    canWrite: elevationCheck(target, run),
    secureDataDir: dataFolderGuard(target, run),
    windows: windowsInfoReader(target),
    dataDir: target.dataDir,
    backupDir,
    bootTime: () => Date.now() - uptime() * 1000,
  });
  return { service, target, run, backupDir };
}

async function chooseBackend(choice: BackendChoice, target: Target, run: ProcessRunner, vbsFolder?: string): Promise<RegistryBackend> {
  const regExe = new RegExeBackend(target.regCommand, run);
  if (choice === 'reg' || (choice === 'auto' && target.host !== 'windows')) return regExe;
  if (target.host !== 'windows') {
    throw new TunerError('not-supported', 'The regedit backend needs Windows Script Host, which only Windows has. Use --backend reg.');
  }
  const regedit = await import('regedit');
  if (vbsFolder) regedit.setExternalVBSLocation(vbsFolder);
  const viaScriptHost = new RegeditBackend(regedit as unknown as RegeditModule, regExe);
  return choice === 'regedit' ? viaScriptHost : new FallbackBackend(viaScriptHost, regExe, isScriptHostUnavailable);
}
