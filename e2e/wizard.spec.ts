/**
 * The whole wizard from a machine nobody has tuned to "restart pending", in both Windows themes:
 * every step is photographed into e2e/screenshots/ and scanned with axe, and the registry is
 * checked with Wine's own reg.exe, never with the product's code.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { record } from './pictures';
import { expectApplied, chooseTemplate, said, shown } from './walks';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('fresh machine to restart pending', async ({ page, preview, wine }) => {
      // The whole walk, Apply with reservations included (a netsh stand-in per call): past the default 90 s on a busy two-core host.
      test.setTimeout(180_000);
      const shot = (step: string) => record(page, `${colorScheme}-${step}`);
      await page.goto(preview.url);

      // 1 Check
      await expect(page.getByRole('heading', { level: 2, name: 'Check the current settings' })).toBeVisible();
      await expect(page.getByText(/^Every closed TCP connection .*Can't connect to MySQL server/)).toBeVisible();
      // One story about MaxUserPort on every page: the dynamic range decides, and MaxUserPort reshapes it.
      await expect(page.getByText('Not set: the dynamic port range decides', { exact: true })).toBeVisible();
      await expect(page.getByText('Not set: Windows uses 120 seconds', { exact: true })).toBeVisible();
      await expect(
        page.getByText(/MaxUserPort 65534 was seen to widen that range to 1024 to 65534 at the next restart/),
      ).toBeVisible();
      await expect(page.getByText(/Windows uses 5000/)).toHaveCount(0);
      // The note under MaxUserPort names the command that shows the range (the port pool names it too).
      await expect(
        page.getByRole('region', { name: 'Current values' }).getByText('netsh int ipv4 show dynamicport tcp'),
      ).toBeVisible();
      await expect(page.getByText(/, version \d+\.\d+/)).toBeVisible();
      await expect(page.getByText('Restart pending')).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Undo changes' })).toHaveCount(0);
      await expect(page.getByRole('navigation', { name: 'Steps' }).getByRole('listitem').nth(0)).toHaveAttribute(
        'aria-current',
        'step',
      );
      await shot('1-check');
      await page.getByRole('button', { name: 'Next' }).click();

      // 2 Back up
      await expect(page.getByRole('heading', { name: 'Back up the key' })).toBeFocused();
      await expect(page.getByText(path.join(preview.dataDir, 'backups'), { exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
      await shot('2-backup');
      await page.getByRole('button', { name: 'Create backup' }).click();
      await expect(shown(page).getByText('Backup verified')).toBeVisible();
      const backupFile = await shown(page)
        .getByText(/Tcpip-Parameters-[\d_-]+\.reg$/)
        .textContent();
      // Said, and focus on to the way on: never left on the page body.
      await expect(said(page).status).toHaveText(`Backup verified: ${backupFile}`);
      await expect(page.getByRole('button', { name: 'Next' })).toBeFocused();
      expect(backupFile && existsSync(backupFile), `backup file ${backupFile} exists`).toBe(true);
      expect(path.dirname(backupFile ?? '')).toBe(path.join(preview.dataDir, 'backups'));
      await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled();
      await shot('2-backup-done');
      await page.getByRole('button', { name: 'Next' }).click();

      // 3 Configure: the template recommended for this Windows is offered first; the MySQL manual's fix and Custom are a click away.
      await expect(page.getByRole('heading', { name: 'Choose the new values' })).toBeFocused();
      await expect(page.getByRole('radio', { name: 'Recommended for this Windows' })).toBeChecked();
      await chooseTemplate(page, "The MySQL manual's fix");
      // Wine reports Windows 7: now the default dynamic range; after Apply the same (the registry values wait for the restart);
      // after the restart, with MaxUserPort 65534, the range seen then, less the four reserved ports (MySQL's 3306, 33060, 33061,
      // 33062), each port held 30 s instead of 120.
      const capacity = page.getByRole('table', { name: 'Capacity now and with the new settings' });
      await expect(capacity.getByRole('row', { name: /Ports for outgoing connections/ })).toHaveText(
        /16,384\s*16,384\s*64,507/,
      );
      await expect(capacity.getByRole('row', { name: /New connections per second/ })).toHaveText(/136\s*136\s*2,150/);
      await expect(
        page.getByText(
          /New: 1024 to 65534 \(64,511 ports\): with MaxUserPort set, Windows was seen to make this range at the next restart/,
        ),
      ).toBeVisible();
      await chooseTemplate(page, 'Custom');
      await expect(page.getByRole('textbox', { name: 'MaxUserPort' })).toHaveValue('65534');
      await expect(page.getByRole('textbox', { name: 'TcpTimedWaitDelay' })).toHaveValue('30');
      await expect(page.getByRole('textbox', { name: 'MaxUserPort' })).toHaveAccessibleDescription(/5000 to 65534/);
      await expect(page.getByRole('textbox', { name: 'TcpTimedWaitDelay' })).toHaveAccessibleDescription(
        /30 to 300 seconds/,
      );
      await expect(page.getByRole('textbox', { name: 'MaxUserPort' })).toHaveAccessibleDescription(
        /widen that range to 1024 to 65534 at the next restart/,
      );
      // The preset in use says so; the units are the same everywhere; a preset that lowers capacity says so.
      const recommended = page.getByRole('button', { name: 'Recommended: 65534 for MaxUserPort' });
      await expect(recommended).toHaveAttribute('aria-pressed', 'true');
      await page
        .getByRole('button', { name: '5000 (default of Windows Server 2003 and older) for MaxUserPort' })
        .click();
      await expect(page.getByRole('textbox', { name: 'MaxUserPort' })).toHaveValue('5000');
      await expect(recommended).toHaveAttribute('aria-pressed', 'false');
      await expect(page.getByText(/This lowers capacity: 136 → \d+ new connections per second/)).toBeVisible();
      await expect(page.getByRole('button', { name: 'Recommended: 30 seconds for TcpTimedWaitDelay' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await recommended.click();
      await expect(page.getByRole('textbox', { name: 'MaxUserPort' })).toHaveValue('65534');
      await shot('3-configure');
      await page.getByRole('button', { name: 'Next' }).click();

      // 4 Review & apply: one table of now and after for every kind the change touches.
      await expect(page.getByRole('heading', { name: 'Review and apply' })).toBeFocused();
      const changes = page.getByRole('table', { name: 'Changes, now and after' });
      await expect(changes.getByRole('row', { name: /^MaxUserPort / })).toHaveText(/MaxUserPort\s*not set\s*65534/);
      await expect(changes.getByRole('row', { name: /TcpTimedWaitDelay/ })).toHaveText(
        /TcpTimedWaitDelay\s*not set\s*30 seconds/,
      );
      await expect(changes.getByRole('row', { name: /^Port 3306 / })).toHaveText(/not reserved\s*reserved\s*at once/);
      // The range itself is not set, but MaxUserPort remakes it at the restart, as the Capacity note predicts.
      await expect(changes.getByRole('columnheader', { name: 'After the restart' })).toBeVisible();
      await expect(changes.getByRole('row', { name: /^Dynamic port range, IPv4 / })).toHaveText(
        /^Dynamic port range, IPv449152 to 65535 \(16,384 ports\)49152 to 65535 \(16,384 ports\)unchanged1024 to 65534 \(64,511 ports\)set by MaxUserPort$/,
      );
      // Before Apply, not after: this change needs a restart of Windows.
      await expect(page.getByText('A restart of Windows is needed')).toBeVisible();
      expect(await wine.value('MaxUserPort')).toBeNull();
      await shot('4-review');
      await page.getByRole('button', { name: 'Apply' }).click();
      await expectApplied(page);
      // The backup from the Back up page still held the key exactly: Apply used it instead of making a second.
      await expect(page.getByText(/still held the key exactly, so no second one was made/)).toBeVisible();
      await expect(page.getByText(backupFile ?? 'no backup file', { exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Applied' })).toBeFocused();
      await expect(page.getByRole('heading', { name: 'Review and apply' })).toHaveCount(0);
      await expect(said(page).status).toHaveText(
        'Applied. 6 of 8 rows read back as written; not read back: Dynamic port range, IPv4; Dynamic port range, IPv6. The reservations are in force now. Windows uses the registry values after its next restart.',
      );
      await expect(
        page.getByRole('table', { name: 'Changes, before and read back' }).getByRole('row', { name: /^Port 33060 / }),
      ).toHaveText(/not reserved\s*reserved/);
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
      // Closed by its button or by Esc, the dialog gives focus back to the button that opened it.
      const restartNow = page.getByRole('button', { name: 'Restart now…' });
      await expect(restartNow).toBeFocused();
      await restartNow.click();
      await expect(dialog).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(restartNow).toBeFocused();
      await page.getByRole('button', { name: 'Restart later' }).click();
      // "Later" stays on this page and says so; the way on is named for where it goes, and has focus.
      await expect(
        shown(page).getByText('Restart Windows when it suits you: the new values take effect after the restart.'),
      ).toBeVisible();
      await expect(said(page).status).toHaveText(
        'Restart Windows when it suits you: the new values take effect after the restart.',
      );
      await expect(page.getByRole('button', { name: 'Back to Check' })).toBeFocused();
      await page.getByRole('button', { name: 'Back to Check' }).click();

      // Back on the first page, which now says a restart is pending.
      await expect(page.getByRole('heading', { name: 'Check the current settings' })).toBeFocused();
      await expect(page.getByText('Restart pending')).toBeVisible();
      await expect(page.getByText('65534', { exact: true })).toBeVisible();
      await expect(page.getByText('30 seconds', { exact: true })).toBeVisible();
      const history = page
        .getByRole('region', { name: 'Changes made by this tool, newest first' })
        .getByRole('table', { name: /^Applied, / });
      await expect(history.getByRole('row', { name: /^MaxUserPort/ })).toHaveText(/not set\s*65534/);
      await expect(history.getByRole('row', { name: /^TcpTimedWaitDelay/ })).toHaveText(/not set\s*30 seconds/);
      await expect(history.getByRole('row', { name: /^Port 3306 / })).toHaveText(/not reserved\s*reserved/);
      await expect(page.getByRole('button', { name: 'Undo changes' })).toBeVisible();
      await shot('6-check-restart-pending');

      expect(await wine.value('MaxUserPort')).toBe('REG_DWORD 0xfffe');
      expect(await wine.value('TcpTimedWaitDelay')).toBe('REG_DWORD 0x1e');
    });
  });
}
