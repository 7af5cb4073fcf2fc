/**
 * Review shows exactly what Apply sends. When netsh stops answering after a failed Apply, the
 * draft loses its range: the page says so and Apply waits until the DBA has read the new table.
 */
import { writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { openConfigure, shown } from './walks';

test('a change that moved after a failed Apply is not applied until it is reviewed again', async ({
  page,
  preview,
  wine,
}) => {
  test.setTimeout(150_000);
  await openConfigure(page, preview.url);
  await page.getByRole('checkbox', { name: /Also set the dynamic port range/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  const changes = page.getByRole('table', { name: 'Changes, now and after' });
  const range = changes.getByRole('row', { name: /^Dynamic port range, IPv4 / });
  // The range the change sets now, and the one MaxUserPort 65534 makes of it at the restart.
  await expect(range).toHaveText(
    /^Dynamic port range, IPv449152 to 65535 \(16,384 ports\)(\d+) to 65535 \([\d,]+ ports\)at once1024 to 65534 \(64,511 ports\)set by MaxUserPort$/,
  );
  const apply = page.getByRole('button', { name: 'Apply' });
  await expect(apply).toBeEnabled();

  // netsh stops answering: its stand-in can no longer read its own state.
  await writeFile(preview.netshState, 'netsh stopped answering');
  await apply.click();
  const failure = page.getByRole('group', { name: 'Not applied' });
  await expect(failure).toBeFocused();
  await expect(failure).toBeInViewport();
  expect(await wine.value('MaxUserPort')).toBeNull();

  // Read again, the range cannot be set: the table says so, and Apply would send less than was reviewed.
  await expect(shown(page).getByText('Not what you reviewed')).toBeVisible({ timeout: 30_000 });
  await expect(range).toHaveText(/not read.*not read.*1024 to 65534 \(64,511 ports\)/);
  await expect(
    shown(page).getByText(
      /Dynamic port range, IPv4: now not read, after the restart 1024 to 65534 \(64,511 ports\); was \d+ to 65535/,
    ),
  ).toBeVisible();
  await expect(apply).toBeDisabled();
  await page.getByRole('button', { name: 'I have reviewed the new table' }).click();
  await expect(shown(page).getByText('Not what you reviewed')).toHaveCount(0);
  // Reviewed, it is still held: with netsh unread, MaxUserPort 65534 would leave MySQL's ports unprotected, and Review says so.
  await expect(
    shown(page).getByText(/or tick "I accept that 3306 and 33060 are unprotected" to go on\./),
  ).toBeVisible();
  await expect(apply).toBeDisabled();
});
