/**
 * Undo returns the machine to how it was before the tool's first change (deleting values that
 * were absent, restoring the exact type and data of those that were there) and stops when
 * someone else changed the values since, unless the user deliberately undoes anyway.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectApplied, applyManualFix, expectUndone, said } from './walks';

const planRow = (page: Page, name: RegExp) =>
  page.getByRole('table', { name: 'Undo, now and after' }).getByRole('row', { name });
const undoneRow = (page: Page, name: RegExp) =>
  page.getByRole('table', { name: 'Undone, before and restored' }).getByRole('row', { name });

// Apply and undo with reservations run netsh a dozen times each, a Node stand-in per call: a whole walk outlasts 90 s on a busy host.
test.setTimeout(240_000);

test('undo right after apply deletes the values that were not set', async ({ page, preview, wine }) => {
  await applyManualFix(page, preview.url);
  expect(await wine.value('MaxUserPort')).toBe('REG_DWORD 0xfffe');

  await page.getByRole('button', { name: 'Undo changes' }).click();
  await expect(page.getByRole('heading', { name: 'Undo changes' })).toBeFocused();
  // The plan names every kind: both values, and the reservations the MySQL manual's fix added.
  await expect(planRow(page, /^MaxUserPort/)).toHaveText(/MaxUserPort\s*65534\s*not set/);
  await expect(planRow(page, /^TcpTimedWaitDelay/)).toHaveText(/TcpTimedWaitDelay\s*30 seconds\s*not set/);
  await expect(planRow(page, /^Port 3306 /)).toHaveText(/reserved\s*not reserved/);
  await page.screenshot({ path: 'e2e/screenshots/light-7-undo.png' });
  await page.getByRole('button', { name: 'Undo changes' }).click();
  await expectUndone(page);

  await expect(undoneRow(page, /^MaxUserPort/)).toHaveText(/MaxUserPort\s*65534\s*not set/);
  await expect(undoneRow(page, /^TcpTimedWaitDelay/)).toHaveText(/TcpTimedWaitDelay\s*30 seconds\s*not set/);
  await expect(undoneRow(page, /^Port 33060 /)).toHaveText(/reserved\s*not reserved/);
  await expect(page.getByRole('heading', { name: 'Undo changes' })).toBeFocused();
  await expect(said(page).status).toHaveText(
    'Undone. Everything this tool changed is back as it was before its first change.',
  );
  expect(await wine.value('MaxUserPort')).toBeNull();
  expect(await wine.value('TcpTimedWaitDelay')).toBeNull();
  await page.screenshot({ path: 'e2e/screenshots/light-7-undone.png' });

  // Apply then undo without a restart changes nothing Windows started with: no restart, and none pending.
  await expect(page.getByText('No restart is needed: these are the values Windows started with.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restart now…' })).toHaveCount(0);
  // The step list still says where the user is.
  await expect(page.getByRole('navigation', { name: 'Steps' }).getByText('Undo changes')).toHaveAttribute(
    'aria-current',
    'page',
  );
  await page.getByRole('button', { name: 'Back' }).click();
  await page.goto(preview.url);
  await expect(page.getByRole('heading', { name: 'Check the current settings' })).toBeVisible();
  await expect(page.getByText('Restart pending')).toHaveCount(0);
  await expect(page.getByText('Not set: the dynamic port range decides', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo changes' })).toHaveCount(0);
  // Newest first: the undo, with every row it changed, the reservations too.
  const undone = page
    .getByRole('region', { name: 'Changes made by this tool, newest first' })
    .getByRole('table')
    .first();
  await expect(undone).toHaveAccessibleName(/^Undone, /);
  await expect(undone.getByRole('row', { name: /^MaxUserPort/ })).toHaveText(/65534\s*not set/);
  await expect(undone.getByRole('row', { name: /^TcpTimedWaitDelay/ })).toHaveText(/30 seconds\s*not set/);
  await expect(undone.getByRole('row', { name: /^Port 3306 / })).toHaveText(/reserved\s*not reserved/);
});

test('undo from the status page restores the exact type and data that were there', async ({ page, preview, wine }) => {
  // A machine someone tuned by hand, badly: the wrong type, and a Windows 2000-era delay.
  await wine.set('MaxUserPort', 'REG_SZ', '65534');
  await wine.set('TcpTimedWaitDelay', 'REG_DWORD', '240');
  await page.goto(preview.url);
  await expect(page.getByText('MaxUserPort is stored as REG_SZ, not REG_DWORD, so Windows ignores it.')).toBeVisible();
  await expect(page.getByText('240 seconds', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/light-1-check-wrong-type.png' });

  await applyManualFix(page, preview.url);
  expect(await wine.value('MaxUserPort')).toBe('REG_DWORD 0xfffe');
  expect(await wine.value('TcpTimedWaitDelay')).toBe('REG_DWORD 0x1e');

  // A later session: the app opens on the status page, which offers the undo.
  await page.reload();
  await page.getByRole('button', { name: 'Undo changes' }).click();
  await expect(planRow(page, /^MaxUserPort/)).toHaveText(/65534\s*REG_SZ "65534"/);
  await expect(planRow(page, /^TcpTimedWaitDelay/)).toHaveText(/30 seconds\s*240 seconds/);
  await expect(
    page.getByText(
      'Windows will ignore MaxUserPort again: MaxUserPort is stored as REG_SZ, not REG_DWORD, so Windows ignores it.',
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Undo changes' }).click();
  await expectUndone(page);
  await expect(undoneRow(page, /^MaxUserPort/)).toHaveText(/65534\s*REG_SZ "65534"/);
  await expect(undoneRow(page, /^TcpTimedWaitDelay/)).toHaveText(/30 seconds\s*240 seconds/);

  expect(await wine.value('MaxUserPort')).toBe('REG_SZ 65534');
  expect(await wine.value('TcpTimedWaitDelay')).toBe('REG_DWORD 0xf0');
});

test('a change made outside the tool is flagged at once, and undo says what it would overwrite', async ({
  page,
  preview,
  wine,
}) => {
  await applyManualFix(page, preview.url);
  // Someone else changes one value after the tool did.
  await wine.set('TcpTimedWaitDelay', 'REG_DWORD', '60');

  // The first page says so before anyone reaches for Undo.
  await page.goto(preview.url);
  await expect(page.getByText('Changed outside this tool')).toBeVisible();
  await expect(
    page.getByText(/TcpTimedWaitDelay: 30 after this tool's last change, 60 now\. Undo would overwrite this\./),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Undo changes' }).click();
  await expect(planRow(page, /^TcpTimedWaitDelay/)).toHaveText(/60 seconds\s*not set/);
  await expect(
    page.getByText("TcpTimedWaitDelay: 30 after this tool's last change, 60 now. Undo overwrites that."),
  ).toBeVisible();
  // No plain Undo: the way forward is either deliberate, with the consequence spelled out.
  await expect(page.getByRole('button', { name: 'Undo changes' })).toHaveCount(0);
  await expect(
    page.getByText(/Undo anyway replaces their values with the ones from before this tool's first change/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Keep the current values' })).toBeVisible();
  expect(await wine.value('MaxUserPort')).toBe('REG_DWORD 0xfffe');
  expect(await wine.value('TcpTimedWaitDelay')).toBe('REG_DWORD 0x3c');
  await page.screenshot({ path: 'e2e/screenshots/light-7-undo-refused.png' });

  await page.getByRole('button', { name: 'Undo anyway' }).click();
  await expectUndone(page);
  await expect(undoneRow(page, /^TcpTimedWaitDelay/)).toHaveText(/60 seconds\s*not set/);
  expect(await wine.value('MaxUserPort')).toBeNull();
  expect(await wine.value('TcpTimedWaitDelay')).toBeNull();
});

test('an undo the engine refuses is said at once, and focus goes to the choice that changes nothing', async ({
  page,
  preview,
  wine,
}) => {
  await applyManualFix(page, preview.url);
  await page.getByRole('button', { name: 'Undo changes' }).click();
  const undo = page.getByRole('button', { name: 'Undo changes' });
  // Enabled once status has read every part the change concerns, the range MaxUserPort reshapes
  // included: a netsh stand-in process per read, as slow as Apply on a busy host.
  await expect(undo).toBeEnabled({ timeout: 60_000 });
  // Someone changes a value while the plan is on screen: the engine finds it, not the page.
  await wine.set('TcpTimedWaitDelay', 'REG_DWORD', '60');
  await undo.click();
  await expect(said(page).alert).toHaveText(
    "Undo stopped: someone changed the settings since this tool did. TcpTimedWaitDelay: 30 after this tool's last change, 60 now. " +
      'Nothing was changed. Undo anyway to put back the values from before the first change.',
  );
  await expect(page.getByRole('button', { name: 'Keep the current values' })).toBeFocused();
  expect(await wine.value('TcpTimedWaitDelay')).toBe('REG_DWORD 0x3c');
});

test('keeping values changed outside the tool leaves everything as it is', async ({ page, preview, wine }) => {
  await applyManualFix(page, preview.url);
  await wine.set('TcpTimedWaitDelay', 'REG_DWORD', '60');
  await page.getByRole('button', { name: 'Undo changes' }).click();
  await page.getByRole('button', { name: 'Keep the current values' }).click();
  await expect(page.getByRole('heading', { name: 'Applied' })).toBeFocused();
  await expectApplied(page);
  expect(await wine.value('MaxUserPort')).toBe('REG_DWORD 0xfffe');
  expect(await wine.value('TcpTimedWaitDelay')).toBe('REG_DWORD 0x3c');
});
