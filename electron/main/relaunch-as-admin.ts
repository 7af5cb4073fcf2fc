import { app } from 'electron';
import path from 'node:path';
import { TunerError } from '../services/errors';
import type { Target } from '../services/host/target';
import type { ProcessRunner } from '../services/host/process-runner';
import type { Requests } from './quit-when-idle';

// Fixed command texts: the paths they start reach PowerShell only through environment variables,
// so no path can ever be read as PowerShell code.
const START_ELEVATED = 'Start-Process -FilePath $env:TUNER_EXE -Verb RunAs';
const START_ELEVATED_WITH_APP = 'Start-Process -FilePath $env:TUNER_EXE -ArgumentList $env:TUNER_APP -Verb RunAs';

/**
 * Starts the app again as administrator (Windows asks through UAC, for an administrator's
 * password when a standard user runs it). The installed app already runs an administrator
 * elevated (highestAvailable); this is the way for a standard user's copy, or one started
 * without elevation. This copy quits once the answer has gone back to the page: quitting inside
 * the request would be refused by the window's close guard, and two copies would stay open.
 */
export async function relaunchAsAdmin(
  target: Target,
  run: ProcessRunner,
  requests: Pick<Requests, 'quitWhenIdle'>,
): Promise<void> {
  if (target.host !== 'windows') {
    throw new TunerError('not-supported', 'Restarting as administrator works only on Windows.');
  }
  // A full path, so a powershell.exe planted on PATH is never the one asked to elevate.
  const powershell = path.win32.join(target.system32 ?? '', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
  // Unpackaged, the exe is electron.exe and needs the app folder; a Windows path cannot contain a
  // double quote, so quoting it is safe.
  const appFolder = app.isPackaged ? null : `"${app.getAppPath()}"`;
  const env = { ...process.env, TUNER_EXE: process.execPath, ...(appFolder ? { TUNER_APP: appFolder } : {}) };
  const command = appFolder ? START_ELEVATED_WITH_APP : START_ELEVATED;

  // The elevated copy must get the single-instance lock, or it would only focus this window and quit.
  app.releaseSingleInstanceLock();
  const started = await run(powershell, ['-NoProfile', '-NonInteractive', '-Command', command], env).then(
    (result) => result.code === 0,
    () => false,
  );
  if (!started) {
    app.requestSingleInstanceLock();
    throw new TunerError(
      'not-permitted',
      'Windows did not start TCP Port Tuner as administrator: the request was declined or failed. Nothing was changed.',
    );
  }
  requests.quitWhenIdle();
}
