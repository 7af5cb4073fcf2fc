/**
 * "Use on other servers": the change chosen in the wizard, previewed in each engine's format,
 * saved where the main side's save dialog says, and copied to the clipboard.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { said, shown } from './walks';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('the export page previews each format, saves the file picked and copies the text', async ({
  page,
  preview,
  wine,
}) => {
  await page.goto(preview.url);
  await page.getByRole('button', { name: 'Use on other servers…' }).click();
  await expect(page.getByRole('heading', { name: 'Use on other servers' })).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Steps' }).getByText('Use on other servers')).toHaveAttribute(
    'aria-current',
    'page',
  );

  // What to export is chosen on this page: the MySQL manual's fix is the one a .reg file carries whole.
  await page
    .getByRole('radiogroup', { name: 'What to export' })
    .getByRole('radio', { name: "The MySQL manual's fix" })
    .check();
  // Once the diagnosis is in, the ports it would reserve add a line above the formats: wait for it, so no click lands on a moving page.
  await expect(
    page.getByText('Reserved ports are not exported: they follow what listens on each server.'),
  ).toBeVisible();
  const exported = page.getByLabel('Export preview');
  await expect(exported).toContainText('Windows Registry Editor Version 5.00');
  await expect(exported).toContainText('"MaxUserPort"=dword:0000fffe');
  await expect(exported).toContainText('"TcpTimedWaitDelay"=dword:0000001e');

  await page.getByRole('radio', { name: /Ansible playbook/ }).check();
  await expect(exported).toContainText('ansible.windows.win_regedit:');
  await expect(exported).toContainText('data: 65534');
  await page.getByRole('checkbox', { name: /The undo instead/ }).check();
  await expect(exported).toContainText('state: absent');
  const { violations } = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual(
    [],
  );

  await page.getByRole('button', { name: 'Save…' }).click();
  const saved = path.join(preview.dataDir, 'tcp-port-tuner-undo.yml');
  await expect(shown(page).getByText(saved, { exact: true })).toBeVisible();
  await expect(said(page).status).toHaveText(`Saved: ${saved}`);
  const file = await readFile(saved, 'utf8');
  expect(file).toContain('state: absent');
  // The same text as previewed; only the time it was generated, in its header, moves on.
  const shownText = (await exported.textContent()) ?? '';
  const undated = (text: string) => text.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/, '<time>');
  expect(undated(file)).toBe(undated(shownText));

  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(shown(page).getByText('Copied to the clipboard.')).toBeVisible();
  await expect(said(page).status).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shownText);
  await page.screenshot({ path: 'e2e/screenshots/light-8-export.png', fullPage: true });

  // Exporting changes nothing on this machine.
  expect(await wine.value('MaxUserPort')).toBeNull();
});

test('a format that cannot carry the dynamic range says so', async ({ page, preview }) => {
  await page.goto(preview.url);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Create backup' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radiogroup', { name: 'Start from' }).getByRole('radio', { name: 'Custom' }).check();
  await page.getByRole('checkbox', { name: /Also set the dynamic port range/ }).check();
  await page.getByRole('button', { name: /Recommended range: 33063 to 65535/ }).click();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('button', { name: 'Use on other servers…' }).click();
  await expect(
    shown(page).getByText(/A \.reg file cannot carry the dynamic port range \(it is set with netsh\)/),
  ).toBeVisible();
  await expect(said(page).alert).toHaveText(
    /^This format cannot carry this change\. A \.reg file cannot carry the dynamic port range/,
  );
  await page.getByRole('radio', { name: /PowerShell script/ }).check();
  await expect(page.getByLabel('Export preview')).toContainText('$Range = @{ Start = 33063; Count = 32473 }');
});

test('a clipboard that refuses is said plainly, with the way round it', async ({ page, preview }) => {
  await page.goto(preview.url);
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('Write permission denied.')) },
    });
  });
  await page.getByRole('button', { name: 'Use on other servers…' }).click();
  await page.getByRole('radio', { name: /PowerShell script/ }).check();
  // The recommended change gains its dynamic range once the diagnosis is in, and a new preview
  // rightly clears an earlier copy's message: copy the preview that stays.
  await expect(page.getByLabel('Export preview')).toContainText('$Range = @{ Start = 33063; Count = 32473 }');
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(
    shown(page).getByText(
      'Not copied: the clipboard refused (Write permission denied). Use Save… instead, or select the preview and copy it by hand.',
    ),
  ).toBeVisible();
  await expect(shown(page).getByText('Copied to the clipboard.')).toHaveCount(0);
  await expect(said(page).alert).toHaveText('Not copied: the clipboard refused (Write permission denied).');
});
