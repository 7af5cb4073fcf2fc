import { readFile } from 'node:fs/promises';
import { release, version } from 'node:os';
import path from 'node:path';
import type { Status } from '../../../shared/contract';
import type { Target } from './target';

type WindowsInfo = Status['windows'];

const NAMES: Record<string, string> = {
  '5.0': 'Windows 2000',
  '5.1': 'Windows XP',
  '5.2': 'Windows Server 2003 / XP x64',
  '6.0': 'Windows Vista / Server 2008',
  '6.1': 'Windows 7 / Server 2008 R2',
  '6.2': 'Windows 8 / Server 2012',
  '6.3': 'Windows 8.1 / Server 2012 R2',
  '10.0': 'Windows 10 / 11 or Server 2016 and later',
};

/** NT version `major.minor[.build]` to what the DBA knows it as. */
export function describeWindows(host: WindowsInfo['host'], ntVersion: string, productName?: string): WindowsInfo {
  const [major = 0, minor = 0, build = 0] = ntVersion.split('.').map(Number);
  const family = NAMES[`${major}.${minor}`] ?? `Windows NT ${major}.${minor}`;
  // Windows 11 still calls itself "Windows 10" in its product name; build 22000 is where 11 starts.
  const named = build >= 22000 ? productName?.replace(/^(Microsoft )?Windows 10\b/, '$1Windows 11') : productName;
  return {
    host,
    version: ntVersion,
    name: named?.trim() || family,
    usesDynamicPortRange: major >= 6,
  };
}

/** Read without starting a process: `os` on Windows, the prefix's registry file under Wine. */
export async function windowsInfo(target: Target): Promise<WindowsInfo> {
  if (target.host === 'windows') return describeWindows('windows', release(), version());
  const bytes = await readFile(path.join(target.winePrefix ?? '', 'system.reg')).catch(() => Buffer.alloc(0));
  const found = wineVersion(bytes);
  // Wine writes system.reg a few seconds after a new prefix is made; every Wine imitates Vista or later.
  if (!found)
    return {
      host: 'wine',
      version: 'unknown',
      name: 'Wine (Windows version not recorded yet)',
      usesDynamicPortRange: true,
    };
  return describeWindows('wine', ...found);
}

/**
 * The Windows version cannot change while this process runs, and under Wine reading it means
 * reading the prefix's whole registry file: read it once, as soon as Wine has written it.
 */
export function windowsInfoReader(target: Target): () => Promise<WindowsInfo> {
  let known: WindowsInfo | undefined;
  return async () => {
    if (known) return known;
    const info = await windowsInfo(target);
    if (info.version !== 'unknown') known = info;
    return info;
  };
}

const SECTION = '[Software\\\\Microsoft\\\\Windows NT\\\\CurrentVersion]';

/**
 * Wine keeps its registry as text; the CurrentVersion key says which Windows it imitates. Only
 * that section is decoded from the file's bytes: a prefix's system.reg runs to megabytes.
 */
export function wineVersion(systemReg: Buffer | string): [string, string | undefined] | null {
  const start = systemReg.indexOf(SECTION);
  if (start < 0) return null;
  const found = systemReg.indexOf('\n[', start + 1);
  const end = found < 0 ? undefined : found;
  const section = typeof systemReg === 'string' ? systemReg.slice(start, end) : systemReg.toString('utf8', start, end);
  const text = (name: string) => new RegExp(`^"${name}"="([^"]*)"`, 'm').exec(section)?.[1];
  const dword = (name: string) => {
    const hex = new RegExp(`^"${name}"=dword:([0-9a-f]{8})`, 'm').exec(section)?.[1];
    return hex === undefined ? undefined : Number.parseInt(hex, 16);
  };
  const major = dword('CurrentMajorVersionNumber');
  const minor = dword('CurrentMinorVersionNumber');
  const base = major === undefined ? (text('CurrentVersion') ?? '0.0') : `${major}.${minor ?? 0}`;
  const build = text('CurrentBuild') ?? text('CurrentBuildNumber');
  return [build ? `${base}.${build}` : base, text('ProductName')];
}
