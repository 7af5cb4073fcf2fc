import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { errnoOf } from '../errors';
import { windowsSystem32 } from '../host/target';

/** Who holds the change lock: enough to tell the process apart from a later one given the same id. */
export interface LockHolder {
  pid: number;
  /** When the holder started, in ms since the epoch. */
  startedAt: number;
  /** The holder's program file name (node.exe, TCP Port Tuner.exe). */
  image: string;
  /** Makes every lock file's content unique. */
  nonce: string;
}

export function ownIdentity(): LockHolder {
  return {
    pid: process.pid,
    startedAt: Date.now() - process.uptime() * 1000,
    image: path.basename(process.execPath),
    nonce: randomBytes(6).toString('hex'),
  };
}

/** Clock ticks and boot time make a start time exact to about 10 ms; allow for rounding and a slow start. */
const START_TOLERANCE_MS = 2000;

/**
 * Whether the holder is still running. Process ids are reused quickly (on Windows above all),
 * so a live id only counts when it is the same process: on Linux its start time from /proc, on
 * Windows its program name from tasklist. A holder that cannot be read is taken as gone.
 */
export async function holderIsAlive(holder: LockHolder | null): Promise<boolean> {
  if (!holder) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if (errnoOf(error) !== 'EPERM') return false;
  }
  if (process.platform === 'linux') {
    const started = await linuxStartTime(holder.pid);
    return started !== null && Math.abs(started - holder.startedAt) < START_TOLERANCE_MS;
  }
  if (process.platform === 'win32') return (await windowsImage(holder.pid)) === holder.image.toLowerCase();
  return true;
}

async function linuxStartTime(pid: number): Promise<number | null> {
  const [stat, uptime] = await Promise.all([
    readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null),
    readFile('/proc/uptime', 'utf8').catch(() => null),
  ]);
  if (!stat || !uptime) return null;
  // Field 22, counted after the command name, which is in parentheses and may hold spaces.
  const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  const bootedAt = Date.now() - Number(uptime.split(' ')[0]) * 1000;
  // USER_HZ is 100 on every Linux Node runs on.
  return Number.isFinite(ticks) ? bootedAt + ticks * 10 : null;
}

/**
 * The program running as `pid`. Read as UTF-8, not in the console's code page: it is only ever
 * compared with this product's own program names (node.exe, TCP Port Tuner.exe), which are ASCII
 * in every code page, so a name in another script can only fail to match, as it should.
 */
async function windowsImage(pid: number): Promise<string | null> {
  const tasklist = path.win32.join(windowsSystem32(), 'tasklist.exe');
  const { stdout } = await promisify(execFile)(tasklist, ['/fi', `PID eq ${pid}`, '/fo', 'csv', '/nh'], {
    windowsHide: true,
  }).catch(() => ({ stdout: '' }));
  return /^"([^"]+)"/.exec(stdout.trim())?.[1]?.toLowerCase() ?? null;
}
