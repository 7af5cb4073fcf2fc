/**
 * The happy path in the real Electron app (main process, preload, IPC and sender check included),
 * on a Wine registry of its own. Skipped where the Electron binary is not installed.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { electronBinary } from '../scripts/electron-binary';
import { createWinePrefix } from '../test/helpers/wine-registry';
import { expectApplied, shown } from './walks';

const binary = electronBinary();
const electronRuns = binary !== null;

test.skip(
  !electronRuns,
  'Electron binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); runs where Electron can start',
);
// On Windows the app works on the machine's own registry: only a throwaway machine may run this.
test.skip(
  process.platform === 'win32' && !process.env.TUNER_E2E_REAL_REGISTRY,
  'Changes the real registry: set TUNER_E2E_REAL_REGISTRY=1 on a throwaway Windows machine',
);

test('check, back up, configure, apply, restart later', async () => {
  test.setTimeout(180_000);
  const wine = process.platform === 'win32' ? null : await createWinePrefix();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tuner-electron-data-'));
  let app: ElectronApplication | undefined;
  try {
    app = await electron.launch({
      executablePath: binary ?? undefined,
      // Chromium refuses to start its sandbox as root (containers, CI).
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), path.resolve('dist/electron/main.cjs')],
      env: { ...(wine?.env ?? process.env), TCP_PORT_TUNER_DATA_DIR: dataDir },
    });
    const page = await app.firstWindow();

    await expect(page.getByRole('heading', { name: 'Check the current settings' })).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByRole('button', { name: 'Create backup' }).click();
    await expect(shown(page).getByText('Backup verified')).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByRole('radiogroup', { name: 'Start from' }).getByRole('radio', { name: 'Custom' }).check();
    await page.getByRole('textbox', { name: 'MaxUserPort' }).fill('65534');
    await page.getByRole('textbox', { name: 'TcpTimedWaitDelay' }).fill('30');
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByRole('button', { name: 'Apply' }).click();
    await expectApplied(page);
    await page.getByRole('button', { name: 'Next' }).click();

    await expect(page.getByRole('heading', { name: 'Restart Windows' })).toBeVisible();
    await page.getByRole('button', { name: 'Restart later' }).click();
    await expect(page.getByText('Restart pending')).toBeVisible();

    if (wine) {
      expect(await wine.value('MaxUserPort')).toBe('REG_DWORD 0xfffe');
      expect(await wine.value('TcpTimedWaitDelay')).toBe('REG_DWORD 0x1e');
    }
  } finally {
    await app?.close();
    await wine?.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
});
