/**
 * No unprotected MaxUserPort in the wizard: a MaxUserPort change that leaves 3306/33060 open in
 * the range it makes waits for the DBA's acceptance, naming the ports; an untick survives a
 * template switch and says so; Custom reserves a port of the DBA's own. Registry (wine reg) and
 * netsh (the stand-in's own state file) are checked apart from the pages.
 */
import { writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { chooseTemplate, expectApplied, netshState, openConfigure } from './walks';

// Apply with reservations runs netsh a dozen times, a Node stand-in per call.
test.setTimeout(180_000);

const one = (port: number) => ({ start: port, end: port, administered: true });

test("netsh unreadable: the manual's fix waits for the acceptance of 3306 and 33060, then writes MaxUserPort and reserves nothing", async ({
  page,
  preview,
  wine,
}) => {
  // A netsh that knows no port-range command, as Wine's own: neither the range nor the exclusions can be read.
  await writeFile(preview.netshState, '{}');
  await openConfigure(page, preview.url, "The MySQL manual's fix");
  const accept = page.getByRole('checkbox', { name: 'I accept that 3306 and 33060 are unprotected' });
  const next = page.getByRole('button', { name: 'Next' });
  await expect(accept).not.toBeChecked();
  await expect(next).toBeDisabled();
  await expect(
    page.getByText('Reserve 3306 and 33060 or tick "I accept that 3306 and 33060 are unprotected" to go on.'),
  ).toBeVisible();
  await expect(
    page.getByText(
      /After the restart, outgoing connections take ports from 1024 to 65534 \(64,511 ports\): one could take these ports before MySQL listens/,
    ),
  ).toBeVisible();

  await accept.check();
  await expect(page.getByText(/to go on\.$/)).toHaveCount(0);
  await next.click();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expectApplied(page);
  expect(await wine.value('MaxUserPort')).toBe('REG_DWORD 0xfffe');
  expect(await netshState(preview.netshState)).toEqual({});
});

test('an unticked 3306 needs the acceptance, and stays unticked, said so, across a template switch', async ({
  page,
  preview,
  wine,
}) => {
  await openConfigure(page, preview.url, "The MySQL manual's fix");
  const protect = page.getByRole('region', { name: 'Protect what listens' });
  await protect.getByRole('checkbox', { name: '3306', exact: true }).uncheck();
  await expect(
    protect.getByText('3306 is unticked, as you left it, in every template: not reserved until ticked again.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  await expect(page.getByText('Reserve 3306 or tick "I accept that 3306 is unprotected" to go on.')).toBeVisible();

  // Away and back: the untick is kept, and said where the ports are listed.
  await chooseTemplate(page, 'Recommended for this Windows');
  await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled();
  await chooseTemplate(page, "The MySQL manual's fix");
  await expect(protect.getByRole('checkbox', { name: '3306', exact: true })).not.toBeChecked();
  await expect(
    protect.getByText('3306 is unticked, as you left it, in every template: not reserved until ticked again.'),
  ).toBeVisible();

  await page.getByRole('checkbox', { name: 'I accept that 3306 is unprotected' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expectApplied(page);
  expect(await wine.value('MaxUserPort')).toBe('REG_DWORD 0xfffe');
  const netsh = await netshState(preview.netshState);
  for (const family of ['ipv4', 'ipv6'] as const)
    expect(netsh[family].exclusions).toEqual([one(33060), one(33061), one(33062)]);
});

test('Custom: a port of your own is checked as typed, listed, and reserved', async ({ page, preview, wine }) => {
  await openConfigure(page, preview.url, 'Custom');
  await page.getByRole('button', { name: 'Leave as it is for MaxUserPort' }).click();
  const own = page.getByRole('textbox', { name: 'Another port to reserve' });
  const add = page.getByRole('button', { name: 'Add', exact: true });
  await own.fill(' 5432');
  await add.click();
  await expect(
    page.getByText('A port to reserve must be a whole number from 1 to 65535; " 5432" has a space before or after it.'),
  ).toBeVisible();
  await own.fill('65536');
  await add.click();
  await expect(
    page.getByText('A port to reserve must be a whole number from 1 to 65535; 65536 is out of range.'),
  ).toBeVisible();
  await own.fill('5432');
  await add.click();
  await expect(page.getByRole('checkbox', { name: '5432 (added by you)' })).toBeChecked();
  await expect(own).toHaveValue('');
  await own.fill('5432');
  await add.click();
  await expect(page.getByText('Port 5432 is listed already.')).toBeVisible();

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    page.getByRole('table', { name: 'Changes, now and after' }).getByRole('row', { name: /^Port 5432 / }),
  ).toHaveText(/not reserved\s*reserved\s*at once/);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expectApplied(page);
  expect(await wine.value('MaxUserPort')).toBeNull();
  const netsh = await netshState(preview.netshState);
  for (const family of ['ipv4', 'ipv6'] as const) expect(netsh[family].exclusions).toEqual([one(5432)]);
});
