/**
 * A Wine prefix that runs Windows programs as Windows would: Windows 10, Windows' own Node.js,
 * stand-ins in System32, each program's output in files. One per test file; `stop` it in `after`.
 *
 * Windows' Node under Wine fails to write to a Linux pipe (`Error: open EBADF`), so every
 * program here writes its stdout and stderr to files, read once it has ended.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { removeServerFolder } from '../wine-server';
import { runWineStep } from '../wine-step';
import { bootPrefix, copyTemplate, detached, localeExists, setupLog, TEMPLATE_VARIABLE } from './boot';
import { killLeftovers, wineProcesses } from './processes';
import { hangNote } from './run-notes';
import { wine64 } from './wine64';

const REPO_ROOT = path.resolve(__dirname, '../../..');
/** Windows' Node.js 22.20.0 (the Node inside Electron 45), put there by scripts/setup.sh. */
export const WINDOWS_NODE = path.join(REPO_ROOT, '.cache', 'windows-node', 'node.exe');

/** Far above what any one command takes here (15 s for diagnose on a loaded 2-core machine). */
const RUN_TIMEOUT_MS = 180_000;

/** How a program ended (null: stopped), and what it wrote, with the bed's notes on stderr. */
export interface WindowsRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** The working folder, as a Linux path (Wine maps it to Z:). */
  cwd?: string;
  /** Folders put before Windows' own PATH (as Linux paths). */
  path?: readonly string[];
  env?: NodeJS.ProcessEnv;
}

/** `/tmp/x` as Windows sees it through Wine's Z: drive. */
export function windowsPath(linuxPath: string): string {
  return `Z:${path.resolve(linuxPath).replace(/\//g, '\\')}`;
}

export class WindowsPrefix {
  /** Wine's own built-ins this prefix runs the file in System32 for instead (netsh, whoami, ...). */
  private readonly native = new Set<string>();
  private serial = 0;

  constructor(
    /** Holds the prefix, the outputs and anything a test makes; removed whole by `stop`. */
    readonly root: string,
    readonly dir: string,
    private readonly base: NodeJS.ProcessEnv,
  ) {}

  /** A path inside the prefix's C: drive, e.g. `drive('windows/system32')`. */
  drive(relative: string): string {
    return path.join(this.dir, 'drive_c', relative);
  }
  get system32(): string {
    return this.drive('windows/system32');
  }

  /** What every Wine process of this prefix gets (also what `wine reg.exe` checks run with). */
  get env(): NodeJS.ProcessEnv {
    const native = this.native.size ? `;${[...this.native].join(',')}=n` : '';
    return { ...this.base, WINEDLLOVERRIDES: `mscoree,mshtml=${native}` };
  }

  /** Sets a variable for every later Windows program of this prefix (a stand-in's state file, say). */
  setEnv(name: string, value: string): void {
    this.base[name] = value;
  }

  /** Makes Wine run `System32\<name>` rather than its built-in program of that name. */
  preferNative(name: string): void {
    this.native.add(name.toLowerCase());
  }

  /** A fresh folder inside the prefix's root. */
  async folder(name: string): Promise<string> {
    const made = path.join(this.root, `${name}-${++this.serial}`);
    await mkdir(made, { recursive: true });
    return made;
  }

  /** Runs a Windows program (a Linux path to an .exe, or a name Wine finds) to its end. */
  async run(program: string, args: readonly string[], options: RunOptions = {}): Promise<WindowsRun> {
    const outputs = await this.folder('output');
    const [stdout, stderr] = [path.join(outputs, 'stdout'), path.join(outputs, 'stderr')];
    const [out, err] = await Promise.all([open(stdout, 'w'), open(stderr, 'w')]);
    const env = {
      ...this.env,
      ...(options.path?.length ? { WINEPATH: options.path.map(windowsPath).join(';') } : {}),
      ...options.env,
    };
    try {
      let hung: string | null = null;
      const code = await new Promise<number | null>((resolve, reject) => {
        const child = spawn(...wine64([program, ...args]), {
          env,
          cwd: options.cwd ?? this.root,
          stdio: ['ignore', out.fd, err.fd],
        });
        // A program that never ends fails its test, saying what was running, instead of the whole run.
        const timer = setTimeout(() => ((hung = wineProcesses(this.dir)), child.kill('SIGKILL')), RUN_TIMEOUT_MS);
        child.on('error', reject);
        child.on('exit', (exitCode) => (clearTimeout(timer), resolve(exitCode)));
      });
      const [said, complained] = await Promise.all([readFile(stdout, 'utf8'), readFile(stderr, 'utf8')]);
      return {
        code: hung === null ? code : null,
        stdout: said,
        stderr: hung === null ? complained : complained + hangNote(program, RUN_TIMEOUT_MS, hung),
      };
    } finally {
      await Promise.all([out.close(), err.close()]);
    }
  }

  /** Windows' Node.js running a script (a Linux path) as a win32 process. */
  node(script: string, args: readonly string[], options: RunOptions = {}): Promise<WindowsRun> {
    return this.run(WINDOWS_NODE, [windowsPath(script), ...args], options);
  }

  /** Stops the prefix's wineserver and removes everything the prefix and its tests made. */
  async stop(): Promise<void> {
    await detached('wineserver', ['-k'], this.base).catch(() => null);
    killLeftovers(this.dir);
    await removeServerFolder(this.dir);
    await rm(this.root, { recursive: true, force: true });
  }
}

/**
 * A Windows 10 prefix with a persistent wineserver, copied from the run's template when
 * scripts/test.mjs made one, booted afresh otherwise. `locale` (e.g. de_DE.UTF-8) gives Wine that
 * display language and its OEM code page (850 for German, 866 for Russian).
 */
export async function startWindowsPrefix(label: string, options: { locale?: string } = {}): Promise<WindowsPrefix> {
  if (options.locale && !localeExists(options.locale)) {
    throw new Error(`The locale ${options.locale} is not generated here: bash scripts/setup.sh makes it.`);
  }
  const root = await mkdtemp(path.join(tmpdir(), `tcp-port-tuner-windows-${label}-`));
  const dir = path.join(root, 'prefix');
  const language = options.locale
    ? { LC_ALL: options.locale, LANG: options.locale }
    : { LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };
  const base = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    USER: process.env.USER,
    WINEPREFIX: dir,
    WINEDEBUG: '-all',
    ...language,
  };
  const prefix = new WindowsPrefix(root, dir, base);
  try {
    const template = process.env[TEMPLATE_VARIABLE];
    if (template && existsSync(path.join(template, 'system.reg'))) await copyTemplate(template, dir);
    else await bootPrefix(dir);
    await runWineStep('wineserver', ['-p'], prefix.env, dir, setupLog(dir));
  } catch (error) {
    await prefix.stop();
    throw error;
  }
  return prefix;
}
