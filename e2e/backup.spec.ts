/**
 * The backup step: a folder that cannot be used blocks the wizard with a plain message, and a
 * chosen folder receives a real .reg export that `reg import` could read back.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { WINDOW_SIZE } from '../shared/window-size';
import { expect, test } from './fixtures';
import { expectApplied, said, shown } from './walks';

test('"-restore.reg" never breaks after its hyphen, at any window width', async ({ page, preview }) => {
  await page.goto(preview.url);
  await page.getByRole('button', { name: 'Next' }).click();
  const paragraph = page.getByText(/^A backup is three files/);
  await expect(paragraph).toBeVisible();
  // From the window's smallest up to a wide laptop: the line break falls somewhere else at each.
  for (let width = WINDOW_SIZE.minWidth; width <= 1280; width += 4) {
    await page.setViewportSize({ width, height: WINDOW_SIZE.minHeight });
    expect(await linesDrawnOn(paragraph, '-restore.reg'), `at ${width} px`).toBe(1);
  }
});

/** How many lines `text` is drawn on inside `element`: two means it was broken. */
function linesDrawnOn(element: Locator, text: string): Promise<number> {
  return element.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      return new Set(
        [...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.bottom)),
      ).size;
    }
    return 0;
  }, text);
}

test.describe('a backup folder that cannot be created', () => {
  test.use({ pickedFolder: 'blocked' });

  test('blocks the wizard and changes nothing', async ({ page, preview, wine }) => {
    const blocked = path.join(preview.dataDir, 'not-a-folder', 'backups');
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Choose folder…' }).click();
    await expect(page.getByText(blocked, { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Create backup' }).click();

    await expect(shown(page).getByText('A file or folder could not be written', { exact: true })).toBeVisible();
    await expect(
      shown(page).getByText(
        `Cannot use the backup folder ${blocked}: part of the path is a file, not a folder. Nothing was changed.`,
      ),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
    // Said at once; focus stays on the button used, to try again.
    await expect(said(page).alert).toHaveText(
      `A file or folder could not be written. Cannot use the backup folder ${blocked}: part of the path is a file, not a folder. Nothing was changed.`,
    );
    await expect(page.getByRole('button', { name: 'Create backup' })).toBeFocused();
    await page.screenshot({ path: 'e2e/screenshots/light-2-backup-failed.png' });
    const { violations } = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
    expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual(
      [],
    );

    // Trying again does not slip through either.
    await page.getByRole('button', { name: 'Create backup' }).click();
    await expect(shown(page).getByText('A file or folder could not be written', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
    expect(await wine.value('MaxUserPort')).toBeNull();
    expect(await wine.value('TcpTimedWaitDelay')).toBeNull();
  });
});

test.describe('a chosen backup folder', () => {
  test.use({ pickedFolder: 'fresh' });

  test("holds the DBA's verified backup; Apply keeps its own in the data folder, the only one Undo trusts", async ({
    page,
    preview,
  }) => {
    const picked = path.join(preview.dataDir, 'picked backups');
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText(path.join(preview.dataDir, 'backups'), { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Choose folder…' }).click();
    await expect(page.getByText(picked, { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Create backup' }).click();
    await expect(shown(page).getByText('Backup verified')).toBeVisible();
    await expect(page.getByText(/It holds MaxUserPort not set and TcpTimedWaitDelay not set\./)).toBeVisible();
    // The restore advice names the two-value file, never the full export (that would roll back subkeys too).
    await expect(page.getByText(/^reg import ".*-restore\.reg"$/)).toBeVisible();
    await expect(page.getByText(/Do not import the full export/)).toBeVisible();

    // The page names each file of the backup and says what the lines this tool added to the export do.
    const listed = shown(page).getByRole('list', { name: 'Files of the backup' });
    await expect(listed.getByText(/Tcpip-Parameters-[\d_-]+\.json$/)).toBeVisible();
    await expect(listed.getByText('"MaxUserPort"=-', { exact: true })).toBeVisible();
    await expect(
      listed.getByText(/they delete what was not set, so importing the file also removes a value a change added/),
    ).toBeVisible();
    const file = await listed.getByText(/Tcpip-Parameters-[\d_-]+\.reg$/).textContent();
    expect(path.dirname(file ?? '')).toBe(picked);
    // What `reg export` writes: UTF-16LE with a byte order mark, then the version line and the key.
    const bytes = await readFile(file ?? '');
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const text = bytes.subarray(2).toString('utf16le');
    expect(text.startsWith('Windows Registry Editor Version 5.00')).toBe(true);
    expect(text).toContain('[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters]');
    // The lines the page explains are the file's last ones, as it says.
    expect(text.trimEnd().split('\r\n').slice(-3)).toEqual([
      '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters]',
      '"MaxUserPort"=-',
      '"TcpTimedWaitDelay"=-',
    ]);

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    const own = path.join(preview.dataDir, 'backups');
    await expect(page.getByText(own, { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Apply' }).click();
    await expectApplied(page);
    // A backup in a folder the DBA picked stays theirs; the journal names only one in the data folder's own.
    const count = async (folder: string) =>
      (await readdir(folder)).filter((name) => name.endsWith('-restore.reg')).length;
    expect(await count(picked)).toBe(1);
    expect(await count(own)).toBe(1);
    const journal = JSON.parse(await readFile(path.join(preview.dataDir, 'journal.json'), 'utf8')) as {
      baseline: { backupFile: string };
    };
    expect(path.dirname(journal.baseline.backupFile)).toBe(own);
  });
});
