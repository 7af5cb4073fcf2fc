/**
 * Starts the browser preview on a real Wine registry for each test: one Wine prefix per worker
 * (making one takes seconds), the two values reset and a fresh data folder per test.
 */
import { test as base, expect } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPreview } from '../test/helpers/preview';
import { writeRegStandIn, type StandInFault } from '../test/helpers/reg-stand-in';
import { createWinePrefix, WineRegistry } from '../test/helpers/wine-registry';

export interface Preview {
  url: string;
  dataDir: string;
  /** The netsh stand-in's state: the dynamic port range as "Windows" has it now. */
  netshState: string;
  /** Lets a held netsh answer (see the netshHeld option). */
  releaseNetsh: () => Promise<void>;
}

interface Options {
  /** What the preview's folder "dialog" answers: a fresh folder, or one that cannot be created. */
  pickedFolder: 'fresh' | 'blocked' | null;
  /** A reg.exe stand-in that makes one chosen registry call fail, for the failure paths. */
  regFault: StandInFault | null;
  /** A Windows netstat capture (listening rows, PIDs) printed by the netstat stand-in, with tasklist's names, instead of Wine's netstat. */
  netstatCapture: string | null;
  /** The exclusions "Windows" has before the test, in both families (Hyper-V's, WSD's). */
  netshSeed: { exclusions: { start: number; end: number; administered: boolean }[] } | null;
  /** The data folder sits below a file, so nothing can be written there (Preview.dataDir is then that path). */
  dataFolderBlocked: boolean;
  /** Every netsh call waits until the test calls Preview.releaseNetsh: a host too busy to answer soon. */
  netshHeld: boolean;
}

/** What a Windows host with Hyper-V and WSD shows: `netsh int ipv4 show excludedportrange protocol=tcp`. */
export const HYPER_V_AND_WSD = [
  { start: 5357, end: 5357, administered: false },
  { start: 50000, end: 50159, administered: false },
];

export const test = base.extend<Options & { preview: Preview; wine: WineRegistry }, { workerWine: WineRegistry }>({
  pickedFolder: [null, { option: true }],
  regFault: [null, { option: true }],
  netstatCapture: [null, { option: true }],
  netshSeed: [null, { option: true }],
  dataFolderBlocked: [false, { option: true }],
  netshHeld: [false, { option: true }],

  workerWine: [
    async ({}, use) => {
      const wine = await createWinePrefix();
      await use(wine);
      await wine.dispose();
    },
    { scope: 'worker', timeout: 120_000 },
  ],

  wine: async ({ workerWine }, use) => {
    await workerWine.reset();
    await use(workerWine);
  },

  // The Check page samples every 3 s: the page closes before its preview server stops, or a
  // request on a kept-alive connection keeps the server from ever stopping.
  page: async ({ page, preview }, use) => {
    void preview;
    await use(page);
    await page.close();
  },

  preview: async ({ wine, pickedFolder, regFault, netstatCapture, netshSeed, dataFolderBlocked, netshHeld }, use) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'tuner-e2e-data-'));
    const productData = dataFolderBlocked ? path.join(dataDir, 'blocker', 'data') : dataDir;
    if (dataFolderBlocked) await writeFile(path.join(dataDir, 'blocker'), '');
    if (netshSeed) {
      const family = () => ({ start: 49152, count: 16384, exclusions: netshSeed.exclusions });
      await writeFile(path.join(dataDir, 'netsh-state.json'), JSON.stringify({ ipv4: family(), ipv6: family() }));
    }
    const hold = path.join(dataDir, 'netsh-hold');
    if (netshHeld) await writeFile(hold, '');
    const picked = await pickFolder(dataDir, pickedFolder);
    const standIn = regFault ? await writeRegStandIn(dataDir, regFault) : null;
    const preview = await startPreview({
      ...wine.env,
      TCP_PORT_TUNER_DATA_DIR: productData,
      // Wine has no netsh port-range commands and no event log: stand-ins answer as Windows does.
      TCP_PORT_TUNER_NETSH_COMMAND: path.resolve('test/stand-ins/netsh'),
      TCP_PORT_TUNER_STANDIN_STATE: path.join(dataDir, 'netsh-state.json'),
      TCP_PORT_TUNER_STANDIN_HOLD: hold,
      TCP_PORT_TUNER_WEVTUTIL_COMMAND: path.resolve('test/stand-ins/wevtutil'),
      TCP_PORT_TUNER_STANDIN_EVENTS: path.resolve('test/fixtures/windows/events.xml'),
      // The save "dialog" of the export page answers with this folder.
      TCP_PORT_TUNER_PREVIEW_SAVE_FOLDER: dataDir,
      ...(picked ? { TCP_PORT_TUNER_PREVIEW_FOLDER: picked } : {}),
      ...(standIn ? { TCP_PORT_TUNER_REG_COMMAND: standIn } : {}),
      ...(netstatCapture
        ? {
            TCP_PORT_TUNER_NETSTAT_COMMAND: path.resolve('test/stand-ins/netstat'),
            TCP_PORT_TUNER_STANDIN_NETSTAT: path.resolve(netstatCapture),
            TCP_PORT_TUNER_TASKLIST_COMMAND: path.resolve('test/stand-ins/tasklist'),
            TCP_PORT_TUNER_STANDIN_TASKLIST: path.resolve('test/fixtures/windows/tasklist.csv'),
          }
        : {}),
    });
    await use({
      url: preview.url,
      dataDir: productData,
      netshState: path.join(dataDir, 'netsh-state.json'),
      releaseNetsh: () => rm(hold, { force: true }),
    });
    await preview.stop();
    await rm(dataDir, { recursive: true, force: true });
  },
});

async function pickFolder(dataDir: string, kind: Options['pickedFolder']): Promise<string | null> {
  if (kind === 'fresh') return path.join(dataDir, 'picked backups');
  if (kind !== 'blocked') return null;
  // A folder inside a regular file can never be created, even by root.
  const file = path.join(dataDir, 'not-a-folder');
  await writeFile(file, '');
  return path.join(file, 'backups');
}

export { expect };
