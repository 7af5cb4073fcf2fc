/**
 * A data folder that cannot be written (here a file stands where a folder above it should be) is
 * said on the first page, in words and with the fix, not found at Apply as an error code; and a
 * backup attempted anyway fails saying nothing was changed, and writes nothing (the file in the
 * way is left as it was).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { said, shown } from './walks';

test.use({ dataFolderBlocked: true });

test('an unwritable data folder is named on the Check page with its cause and fix; nothing is written', async ({
  page,
  preview,
  wine,
}) => {
  await page.goto(preview.url);
  const banner = shown(page).getByRole('group', { name: 'The data folder cannot be written' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(
    `Backups, the change journal and snapshots go to ${preview.dataDir}, but a file stands where ${preview.dataDir} or a folder above it should be. ` +
      'Nothing can be changed until it can. Move that file away (or rename it), or name a folder you can write in TCP_PORT_TUNER_DATA_DIR.',
  );
  await expect(banner).not.toHaveText(/E[A-Z]{3,}/);

  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Create backup' }).click();
  await expect(said(page).alert).toHaveText(
    `A file or folder could not be written. Cannot use the data folder ${preview.dataDir}: a file stands where ${preview.dataDir} or a folder above it should be. ` +
      'Nothing was changed. Move that file away (or rename it), or name a folder you can write in TCP_PORT_TUNER_DATA_DIR.',
  );
  expect(await wine.value('MaxUserPort')).toBeNull();
  await expect(readFile(path.dirname(preview.dataDir), 'utf8')).resolves.toBe('');
});
