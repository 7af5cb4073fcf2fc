/**
 * The whole wizard from a machine nobody has tuned to "restart pending", in both Windows themes:
 * every step is photographed into e2e/screenshots/ and scanned with axe, and the registry is
 * checked with Wine's own reg.exe, never with the product's code.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { runCli } from '../test/helpers/wine';
import { openConfigure, openReview } from './walks';

async function shoot(page: Page, name: string): Promise<void> {
  // Let Fluent's enter animations finish so the picture shows the settled page.
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join('e2e', 'screenshots', `${name}.png`) });
}

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    // Fluent's focus manager (Tabster) adds aria-hidden focus "dummy" elements on purpose, a
    // known false positive of aria-hidden-focus (microsoft/tabster#288); nothing else is excluded.
    .exclude('[data-tabster-dummy]')
    .analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${where}`).toEqual([]);
}

async function record(page: Page, name: string): Promise<void> {
  await shoot(page, name);
  await expectNoSeriousViolations(page, name);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('fresh machine to restart pending', async ({ page, preview, wine }) => {
      const shot = (step: string) => record(page, `${colorScheme}-${step}`);
      await page.goto(preview.url);

      // 1 Check
      await expect(page.getByRole('heading', { level: 2, name: 'Check the current settings' })).toBeVisible();
      await expect(page.getByText("Can't connect to MySQL server", { exact: false })).toBeVisible();
      // One story about MaxUserPort on every page: the dynamic range decides, and MaxUserPort reshapes it.
      await expect(page.getByText('Not set: the dynamic port range decides', { exact: true })).toBeVisible();
      await expect(page.getByText('Not set: Windows uses 120 seconds', { exact: true })).toBeVisible();
      await expect(page.getByText(/MaxUserPort 65534 was seen to widen that range to 1024 to 65534 at the next restart/)).toBeVisible();
      await expect(page.getByText(/Windows uses 5000/)).toHaveCount(0);
      // The note under MaxUserPort names the command that shows the range (the port pool names it too).
      await expect(page.getByRole('region', { name: 'Current values' }).getByText('netsh int ipv4 show dynamicport tcp')).toBeVisible();
      await expect(page.getByText(/, version \d+\.\d+/)).toBeVisible();
      await expect(page.getByText('Restart pending')).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Undo changes' })).toHaveCount(0);
      await expect(page.getByRole('navigation', { name: 'Steps' }).getByRole('listitem').nth(0)).toHaveAttribute('aria-current', 'step');
      await shot('1-check');
      await page.getByRole('button', { name: 'Next' }).click();

      // 2 Back up
      await expect(page.getByRole('heading', { name: 'Back up the key' })).toBeFocused();
      await expect(page.getByText(path.join(preview.dataDir, 'backups'), { exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
      await shot('2-backup');
      await page.getByRole('button', { name: 'Create backup' }).click();
      await expect(page.getByText('Backup verified')).toBeVisible();
      const backupFile = await page.getByText(/Tcpip-Parameters-.*\.reg$/).textContent();
      expect(backupFile && existsSync(backupFile), `backup file ${backupFile} exists`).toBe(true);
      expect(path.dirname(backupFile ?? '')).toBe(path.join(preview.dataDir, 'backups'));
      await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled();
      await shot('2-backup-done');
      await page.getByRole('button', { name: 'Next' }).click();

      // 3 Configure: the recommended pair is offered, with what it means in numbers.
      await expect(page.getByRole('heading', { name: 'Choose the new values' })).toBeFocused();
      await expect(page.getByRole('textbox', { name: 'MaxUserPort' })).toHaveValue('65534');
      await expect(page.getByRole('textbox', { name: 'TcpTimedWaitDelay' })).toHaveValue('30');
      await expect(page.getByRole('textbox', { name: 'MaxUserPort' })).toHaveAccessibleDescription(/5000 to 65534/);
      await expect(page.getByRole('textbox', { name: 'TcpTimedWaitDelay' })).toHaveAccessibleDescription(/30 to 300 seconds/);
      await expect(page.getByRole('textbox', { name: 'MaxUserPort' })).toHaveAccessibleDescription(/widen that range to 1024 to 65534 at the next restart/);
      // Wine reports Windows 7: now the default dynamic range; with MaxUserPort 65534, the range seen after a restart.
      const capacity = page.getByRole('table', { name: 'Capacity now and with the new values' });
      await expect(capacity.getByRole('row', { name: /Ports for outgoing connections/ })).toHaveText(/16,384\s*64,511/);
      await expect(capacity.getByRole('row', { name: /New connections per second/ })).toHaveText(/136\s*2,150/);
      await expect(page.getByText(/this counts the range seen on real machines after a restart, 1024 to MaxUserPort/)).toBeVisible();
      // The preset in use says so; the units are the same everywhere.
      const recommended = page.getByRole('button', { name: 'Recommended: 65534 for MaxUserPort' });
      await expect(recommended).toHaveAttribute('aria-pressed', 'true');
      await page.getByRole('button', { name: '5000 (default of Windows Server 2003 and older) for MaxUserPort' }).click();
      await expect(page.getByRole('textbox', { name: 'MaxUserPort' })).toHaveValue('5000');
      await expect(recommended).toHaveAttribute('aria-pressed', 'false');
      await expect(page.getByRole('button', { name: 'Recommended: 30 seconds for TcpTimedWaitDelay' })).toHaveAttribute('aria-pressed', 'true');
      await recommended.click();
      await expect(page.getByRole('textbox', { name: 'MaxUserPort' })).toHaveValue('65534');
      await shot('3-configure');
      await page.getByRole('button', { name: 'Next' }).click();

      // 4 Review & apply
      await expect(page.getByRole('heading', { name: 'Review and apply' })).toBeFocused();
      const changes = page.getByRole('table', { name: 'Registry values' });
      await expect(changes.getByRole('row', { name: /MaxUserPort/ })).toHaveText(/MaxUserPort\s*not set\s*65534/);
      await expect(changes.getByRole('row', { name: /TcpTimedWaitDelay/ })).toHaveText(/TcpTimedWaitDelay\s*not set\s*30 seconds/);
      // Before Apply, not after: this change needs a restart of Windows.
      await expect(page.getByText('A restart of Windows is needed')).toBeVisible();
      expect(await wine.value('MaxUserPort')).toBeNull();
      await shot('4-review');
      await page.getByRole('button', { name: 'Apply' }).click();
      await expect(page.getByText('Both values read back from the registry as written.')).toBeVisible();
      // The backup from the Back up page still held the key exactly: Apply used it instead of making a second.
      await expect(page.getByText(/still held the key exactly, so no second one was made/)).toBeVisible();
      await expect(page.getByText(backupFile ?? 'no backup file', { exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Review and apply' })).toBeFocused();
      expect(await wine.value('MaxUserPort')).toBe('REG_DWORD 0xfffe');
      expect(await wine.value('TcpTimedWaitDelay')).toBe('REG_DWORD 0x1e');
      await shot('4-applied');
      await page.getByRole('button', { name: 'Next' }).click();

      // 5 Restart: "now" is confirmed in a dialog first; cancelling it restarts nothing.
      await expect(page.getByRole('heading', { name: 'Restart Windows' })).toBeFocused();
      await shot('5-restart');
      await page.getByRole('button', { name: 'Restart now…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Restart Windows in 60 seconds?' });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByText(/MySQL and every other service on this machine stop/)).toBeVisible();
      // The focused, primary button keeps Windows running: Enter must not reboot a database host.
      await expect(dialog.getByRole('button', { name: 'Keep running' })).toBeFocused();
      await shot('5-restart-confirm');
      await page.keyboard.press('Enter');
      await expect(dialog).toBeHidden();
      await page.getByRole('button', { name: 'Restart later' }).click();
      // "Later" stays on this page and says so; the way on is named for where it goes.
      await expect(page.getByText('Restart Windows when it suits you: the new values take effect after the restart.')).toBeVisible();
      await page.getByRole('button', { name: 'Back to Check' }).click();

      // Back on the first page, which now says a restart is pending.
      await expect(page.getByRole('heading', { name: 'Check the current settings' })).toBeFocused();
      await expect(page.getByText('Restart pending')).toBeVisible();
      await expect(page.getByText('65534', { exact: true })).toBeVisible();
      await expect(page.getByText('30 seconds', { exact: true })).toBeVisible();
      const history = page.getByRole('table', { name: 'Changes made by this tool, newest first' });
      await expect(history.getByRole('row', { name: /Applied/ })).toHaveText(/not set → 65534.*not set → 30/);
      await expect(page.getByRole('button', { name: 'Undo changes' })).toBeVisible();
      await shot('6-check-restart-pending');

      expect(await wine.value('MaxUserPort')).toBe('REG_DWORD 0xfffe');
      expect(await wine.value('TcpTimedWaitDelay')).toBe('REG_DWORD 0x1e');
    });
  });
}

test('restart now, confirmed, is only reported on Wine', async ({ page, preview, wine }) => {
  // Reached from a restart-pending status page as well as after applying: a change made earlier
  // with the command line, on the same registry and journal.
  const applied = await runCli(['apply', '--max-user-port', '65534', '--tcp-timed-wait-delay', '30'], {
    ...wine.env,
    TCP_PORT_TUNER_DATA_DIR: preview.dataDir,
  });
  expect(applied.code).toBe(0);
  await page.goto(preview.url);
  await expect(page.getByText('Restart pending')).toBeVisible();
  await page.getByRole('button', { name: 'Restart…' }).click();
  await expect(page.getByRole('heading', { name: 'Restart Windows' })).toBeFocused();
  await page.getByRole('button', { name: 'Restart now…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restart in 60 seconds' }).click();
  await expect(page.getByText('Restart requested. This is Wine, not Windows, so nothing was restarted.')).toBeVisible();
  await shoot(page, 'light-5-restart-now-result');
  await page.getByRole('button', { name: 'Back to Check' }).click();
  await expect(page.getByRole('heading', { name: 'Check the current settings' })).toBeFocused();
});

test.describe('when the first registry write fails', () => {
  test.use({ regFault: { kind: 'fail', verb: 'add', nth: 1 } });

  test('a failed apply shows what happened and can be tried again', async ({ page, preview, wine }) => {
    await openReview(page, preview.url);

    // A reg.exe stand-in fails the first write, as a real registry error would.
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByText('Not applied')).toBeVisible();
    await expect(page.getByText(/Could not write (MaxUserPort|TcpTimedWaitDelay): reg\.exe exited with 1 .* Both values were put back as they were\./)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Next' })).toHaveCount(0);
    expect(await wine.value('MaxUserPort')).toBeNull();
    expect(await wine.value('TcpTimedWaitDelay')).toBeNull();
    // The page reads the values again after the failure; photograph it once they are back.
    await expect(page.getByRole('table', { name: 'Registry values' }).getByRole('row', { name: /MaxUserPort/ })).toHaveText(/not set/);
    await record(page, 'light-4-apply-failed');

    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByText('Both values read back from the registry as written.')).toBeVisible();
    expect(await wine.value('MaxUserPort')).toBe('REG_DWORD 0xfffe');
  });
});

test('Check and Review read the registry again, so changes made meanwhile show', async ({ page, preview, wine }) => {
  await openConfigure(page, preview.url);
  // Someone else changes the values while the wizard is open.
  await wine.set('MaxUserPort', 'REG_DWORD', '40000');
  await page.getByRole('button', { name: 'Next' }).click();
  const changes = page.getByRole('table', { name: 'Registry values' });
  await expect(changes.getByRole('row', { name: /MaxUserPort/ })).toHaveText(/MaxUserPort\s*40000\s*65534/);

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
  const tabTo = async (role: 'button' | 'textbox', name: string) => {
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
  await expect(page.getByText('Backup verified')).toBeVisible();
  await tabTo('button', 'Next');
  await page.keyboard.press('Space');
  await expect(page.getByRole('heading', { name: 'Choose the new values' })).toBeFocused();

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
  await expect(page.getByText('Both values read back from the registry as written.')).toBeVisible();
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
  await expect(page.getByText('The browser preview cannot restart itself as administrator.')).toBeVisible();
  await record(page, 'light-0-admin-needed');
  expect(await wine.value('MaxUserPort')).toBeNull();
});
