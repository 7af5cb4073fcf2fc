/**
 * The wizard's restart walks: a restart asked for from the status page, and one Windows
 * scheduled, with focus on calling it off and on the way on.
 */
import { expect, test } from './fixtures';
import { shoot } from './pictures';
import { runCli } from '../test/helpers/cli-run';
import { expectApplied, openReview, said, shown } from './walks';

test('restart now, confirmed, is only reported on Wine', async ({ page, preview, wine }) => {
  // Reached from a restart-pending status page as well as after applying: a change made earlier
  // with the command line, on the same registry and journal.
  const applied = await runCli(
    ['apply', '--max-user-port', '65534', '--accept-unprotected', '--tcp-timed-wait-delay', '30'],
    {
      ...wine.env,
      TCP_PORT_TUNER_DATA_DIR: preview.dataDir,
    },
  );
  expect(applied.code).toBe(0);
  await page.goto(preview.url);
  await expect(page.getByText('Restart pending')).toBeVisible();
  await page.getByRole('button', { name: 'Restart…' }).click();
  await expect(page.getByRole('heading', { name: 'Restart Windows' })).toBeFocused();
  await page.getByRole('button', { name: 'Restart now…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restart in 60 seconds' }).click();
  await expect(
    shown(page).getByText('Restart requested. This is Wine, not Windows, so nothing was restarted.'),
  ).toBeVisible();
  // The restart buttons are gone: focus is on the way on, and the outcome was said.
  await expect(page.getByRole('button', { name: 'Back to Check' })).toBeFocused();
  await expect(said(page).status).toHaveText('Restart requested. This is Wine, not Windows, so nothing was restarted.');
  await shoot(page, 'light-5-restart-now-result');
  await page.getByRole('button', { name: 'Back to Check' }).click();
  await expect(page.getByRole('heading', { name: 'Check the current settings' })).toBeFocused();
});

test('a restart Windows scheduled: focus on calling it off, then on the way on once it is', async ({
  page,
  preview,
}) => {
  // Wine never schedules one: the answers are Windows' own (electron/services/host/restart.ts).
  const windows = {
    restartWindows: {
      when: 'now',
      performed: true,
      message: 'Windows restarts in 60 seconds. To stop it, run: shutdown /a',
    },
    cancelRestart: { when: 'cancelled', performed: true, message: 'The scheduled restart was cancelled.' },
  };
  for (const [channel, value] of Object.entries(windows))
    await page.route(`**/api/${channel}`, (route) => route.fulfill({ json: { ok: true, value } }));
  await openReview(page, preview.url);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expectApplied(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Restart now…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restart in 60 seconds' }).click();
  await expect(said(page).status).toHaveText(
    'Restart scheduled. Windows restarts in 60 seconds. To stop it, run: shutdown /a',
  );
  await expect(page.getByRole('button', { name: 'Cancel the restart' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(said(page).status).toHaveText(
    'Restart cancelled. The scheduled restart was cancelled. The new registry values take effect at the next restart.',
  );
  await expect(page.getByRole('button', { name: 'Back to Check' })).toBeFocused();
});
