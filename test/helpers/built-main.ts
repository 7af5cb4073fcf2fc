/**
 * The built Electron main process (dist/electron/main.cjs) on the stand-in for Electron, as the
 * main-process suites load it: a data folder and a Wine prefix inside the suite's temp folder, and
 * process.argv and the environment put back after. Needs `node scripts/build.mjs` first.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { startMain } from './fake-electron';
import type { FakeElectronOptions } from './fake-electron/recorded';
import { tempFolder } from './temp-folder';

export const MAIN = path.resolve(__dirname, '../../dist/electron/main.cjs');
export const APP_URL = 'app://tuner/index.html';
/** The describe option that skips a suite, saying why, when the build is missing. */
export const NEEDS_BUILD = {
  skip: existsSync(MAIN) ? false : 'dist/electron/main.cjs is missing: run node scripts/build.mjs',
};

/** Registers the suite's hooks; `start` loads the main process afresh and lets it start. */
export function builtMain(label: string) {
  const temp = tempFolder(label);
  const saved = { argv: process.argv, env: { ...process.env } };
  before(async () => {
    // Whatever the services read at start-up stays inside this test's folder.
    process.env.TCP_PORT_TUNER_DATA_DIR = path.join(temp.path, 'data');
    process.env.WINEPREFIX = path.join(temp.path, 'no-prefix');
  });
  after(async () => {
    process.argv = saved.argv;
    process.env = saved.env;
  });
  return { temp, saved, start: (options: FakeElectronOptions = {}) => startMain(MAIN, options) };
}
