/**
 * The wizard's other paths: a failed write, values changed meanwhile, the keyboard alone, and no
 * administrator rights. The restart walks are in wizard-restart.spec.ts.
 */
import { expect, test } from './fixtures';
import { record } from './pictures';
import { expectApplied, netshState, openConfigure, openReview, said, shown } from './walks';

test.describe('when the first registry write fails', () => {
  test.use({ regFault: { kind: 'fail', verb: 'add', nth: 1 } });

  test('a failed apply shows what happened and can be tried again', async ({ page, preview, wine }) => {
    await openReview(page, preview.url);

    // A reg.exe stand-in fails the first write, as a real registry error would.
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(shown(page).getByText('Not applied')).toBeVisible();
    await expect(
      shown(page).getByText(
        /Could not write (MaxUserPort|TcpTimedWaitDelay): reg\.exe exited with 1 .* Every setting was put back as it was\./,
      ),
    ).toBeVisible();
    // Said at once; the failure scrolls into view and takes focus, so it is not missed below the table.
    await expect(said(page).alert).toHaveText(
      /^Not applied\. Could not write (MaxUserPort|TcpTimedWaitDelay): reg\.exe exited with 1 and said "ERROR: The system was unable to write the value"\. .*Every setting was put back as it was\./,
    );
    const failure = page.getByRole('group', { name: 'Not applied' });
    await expect(failure).toBeFocused();
    await expect(failure).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Next' })).toHaveCount(0);
    expect(await wine.value('MaxUserPort')).toBeNull();
    expect(await wine.value('TcpTimedWaitDelay')).toBeNull();
    // The reservations of the same change were never left behind either.
    for (const family of ['ipv4', 'ipv6'] as const)
      expect((await netshState(preview.netshState))[family].exclusions).toEqual([]);
    // The page reads the values again after the failure; photograph it once they are back.
    await expect(
      page.getByRole('table', { name: 'Changes, now and after' }).getByRole('row', { name: /^MaxUserPort / }),
    ).toHaveText(/not set/);
    await record(page, 'light-4-apply-failed');

    await page.getByRole('button', { name: 'Apply' }).click();
    await expectApplied(page);
    expect(await wine.value('MaxUserPort')).toBe('REG_DWORD 0xfffe');
  });
});

test('Check and Review read the registry again, so changes made meanwhile show', async ({ page, preview, wine }) => {
  await openConfigure(page, preview.url);
  // Someone else changes the values while the wizard is open.
  await wine.set('MaxUserPort', 'REG_DWORD', '40000');
  await page.getByRole('button', { name: 'Next' }).click();
  const changes = page.getByRole('table', { name: 'Changes, now and after' });
  await expect(changes.getByRole('row', { name: /^MaxUserPort / })).toHaveText(/MaxUserPort\s*40000\s*65534/);

  await wine.set('TcpTimedWaitDelay', 'REG_DWORD', '60');
  for (const heading of ['Choose the new values', 'Back up the key', 'Check the current settings']) {
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(page.getByRole('heading', { name: heading })).toBeFocused();
  }
  await expect(page.getByText('40000', { exact: true })).toBeVisible();
  await expect(page.getByText('60 seconds', { exact: true })).toBeVisible();
});

test('keyboard only: from Check to Applied', async ({ page, preview, wine }) => {
  await page.goto(preview.url);
  await expect(page.getByRole('heading', { name: 'Check the current settings' })).toBeVisible();

  /** Tabs forward until the named control has focus, as a keyboard user would. */
  const tabTo = async (role: 'button' | 'textbox' | 'radio', name: string) => {
    const target = page.getByRole(role, { name, exact: true });
    for (let presses = 0; presses < 25; presses += 1) {
      if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${role} "${name}"`);
  };

  await tabTo('button', 'Next');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Back up the key' })).toBeFocused();
  await tabTo('button', 'Create backup');
  await page.keyboard.press('Enter');
  await expect(shown(page).getByText('Backup verified')).toBeVisible();
  await tabTo('button', 'Next');
  await page.keyboard.press('Space');
  await expect(page.getByRole('heading', { name: 'Choose the new values' })).toBeFocused();

  // The templates are one radio group: Tab reaches the chosen one, the arrows move on to Custom.
  await tabTo('radio', 'Recommended for this Windows');
  for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Custom' })).toBeChecked();
  await tabTo('textbox', 'MaxUserPort');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('40000');
  await tabTo('textbox', 'TcpTimedWaitDelay');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('60');
  await tabTo('button', 'Next');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Review and apply' })).toBeFocused();
  // Review reads the registry on the way in; Apply waits for it.
  await expect(page.getByRole('button', { name: 'Apply' })).toBeEnabled();
  await tabTo('button', 'Apply');
  await page.keyboard.press('Enter');
  await expectApplied(page);
  expect(await wine.value('MaxUserPort')).toBe('REG_DWORD 0x9c40');
  expect(await wine.value('TcpTimedWaitDelay')).toBe('REG_DWORD 0x3c');
});

test('without administrator rights the wizard stops at a clear screen', async ({ page, preview, wine }) => {
  // Wine's registry is writable by whoever runs the test, so the answer is made to say otherwise.
  await page.route('**/api/getStatus', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    await route.fulfill({ response, json: { ...body, value: { ...body.value, canWrite: false } } });
  });
  await page.goto(preview.url);
  await expect(page.getByRole('heading', { name: 'Administrator rights needed' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next' })).toHaveCount(0);
  await expect(page.getByText('Not set: the dynamic port range decides', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Restart as administrator' }).click();
  // The preview server's own answer: a browser tab cannot elevate itself.
  await expect(shown(page).getByText('The browser preview cannot restart itself as administrator.')).toBeVisible();
  await record(page, 'light-0-admin-needed');
  expect(await wine.value('MaxUserPort')).toBeNull();
});

test("rights that could not be read say what whoami answered, not only 'needs administrator rights'", async ({
  page,
  preview,
  wine,
}) => {
  const notRead =
    'C:\\Windows\\System32\\whoami.exe ended with exit 1 and said "ERROR: Unable to get group membership information", naming no integrity level';
  await page.route('**/api/getStatus', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    await route.fulfill({
      response,
      json: { ...body, value: { ...body.value, canWrite: false, rightsNotRead: notRead } },
    });
  });
  await page.goto(preview.url);
  await expect(page.getByRole('heading', { name: 'Administrator rights needed' })).toBeVisible();
  await expect(shown(page).getByText(`Its rights could not be read: ${notRead}.`, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next' })).toHaveCount(0);
  expect(await wine.value('MaxUserPort')).toBeNull();
});
