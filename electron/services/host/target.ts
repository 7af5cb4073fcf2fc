import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { RegCommand } from '../registry/reg-exe-backend';

/**
 * The Windows registry the product works on: the machine's own on Windows, a Wine prefix's
 * elsewhere (how the product is developed and tested on Linux).
 */
export interface Target {
  host: 'windows' | 'wine';
  regCommand: RegCommand;
  /** Where journal and backups live: machine-wide, beside the registry they describe. */
  dataDir: string;
  /** Set by TCP_PORT_TUNER_DATA_DIR: a folder someone chose, whose permissions are theirs to keep. */
  dataDirChosen: boolean;
  /** The Wine prefix, off Windows. */
  winePrefix?: string;
  system32?: string;
}

/**
 * System32 from where Windows' loader mapped ntdll.dll (a KnownDLL: always the real System32),
 * never from %SystemRoot%. An elevated process inherits the user's environment, and a planted
 * SystemRoot would make it run someone else's reg.exe as administrator.
 */
export function system32Of(loaded: readonly string[]): string {
  const ntdll = loaded.find((file) => /[\\/]ntdll\.dll$/i.test(file));
  return ntdll ? path.win32.dirname(ntdll) : 'C:\\Windows\\System32';
}

/** The files this process has loaded, as Node's diagnostic report lists them (about 6 ms). */
function loadedFiles(): string[] {
  return (process.report.getReport() as { sharedObjects?: string[] }).sharedObjects ?? [];
}

/** This Windows' System32, for a process that needs one of its tools by full path. */
export function windowsSystem32(): string {
  return system32Of(loadedFiles());
}

export function resolveTarget(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  loaded: () => readonly string[] = loadedFiles,
): Target {
  if (platform === 'win32') {
    const system32 = system32Of(loaded());
    return {
      host: 'windows',
      system32,
      // A full path, so a reg.exe planted in the working folder or on PATH is never run elevated.
      regCommand: {
        file: path.win32.join(system32, 'reg.exe'),
        leadingArgs: [],
        env,
        missingMessage: `reg.exe was not found in ${system32}.`,
      },
      dataDir: env.TCP_PORT_TUNER_DATA_DIR ?? path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'TCP Port Tuner'),
      dataDirChosen: env.TCP_PORT_TUNER_DATA_DIR !== undefined,
    };
  }
  const winePrefix = path.resolve(env.WINEPREFIX ?? path.join(homedir(), '.wine'));
  const wineEnv = { ...env, WINEPREFIX: winePrefix, WINEDEBUG: env.WINEDEBUG ?? '-all' };
  const standIn = env.TCP_PORT_TUNER_REG_COMMAND;
  return {
    host: 'wine',
    winePrefix,
    regCommand: {
      file: standIn ?? 'wine',
      leadingArgs: standIn ? [] : ['reg.exe'],
      env: wineEnv,
      missingMessage: standIn
        ? `The reg command ${standIn} could not be started.`
        : "Wine is not installed. Off Windows this tool works on Wine's registry: install it with 'apt-get install wine'.",
      notStarted: /ShellExecuteEx failed|could not be started/i,
    },
    dataDir: env.TCP_PORT_TUNER_DATA_DIR ?? path.join(winePrefix, 'drive_c', 'ProgramData', 'TCP Port Tuner'),
    dataDirChosen: env.TCP_PORT_TUNER_DATA_DIR !== undefined,
  };
}

/**
 * Whether a folder can be written by this process, checked without writing anything. A folder
 * not made yet (Wine makes its prefix on first use) counts as its nearest existing parent.
 */
export function canWriteFolder(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch (error) {
    const parent = path.dirname(folder);
    return (error as NodeJS.ErrnoException).code === 'ENOENT' && parent !== folder && canWriteFolder(parent);
  }
}
