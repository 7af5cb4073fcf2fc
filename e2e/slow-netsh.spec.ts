/**
 * On a host too busy for netsh to answer soon, a change that moves the dynamic range waits for
 * netsh's exclusions: applied before them, the MySQL manual's fix would reserve none of the
 * ports its range covers after the restart.
 */
import { expect, test } from './fixtures';
import { expectApplied, netshState, openReview, shown } from './walks';

test.use({ netshHeld: true });
// Apply with reservations runs netsh a dozen times, a Node stand-in per call.
test.setTimeout(240_000);

test("Apply waits for netsh's exclusions, then reserves MySQL's ports", async ({ page, preview, wine }) => {
  await openReview(page, preview.url);
  const waiting = "Reading netsh's port exclusions, to find the ports to reserve…";
  await expect(shown(page).getByText(waiting)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
  // Still held a while later: nothing but netsh's answer lets Apply go.
  await page.waitForTimeout(1_000);
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
  expect(await wine.value('MaxUserPort')).toBeNull();

  await preview.releaseNetsh();
  await expect(
    shown(page).getByText(
      /Reserved for IPv4 and IPv6 \(netsh port exclusions\), so no outgoing connection takes them: 3306, 33060, 33061, 33062\./,
    ),
  ).toBeVisible({ timeout: 60_000 });
  await expect(shown(page).getByText(waiting)).toHaveCount(0);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expectApplied(page);
  expect(await wine.value('MaxUserPort')).toBe('REG_DWORD 0xfffe');
  const netsh = await netshState(preview.netshState);
  for (const family of ['ipv4', 'ipv6'] as const) {
    expect(netsh[family].exclusions).toEqual(
      [3306, 33060, 33061, 33062].map((port) => ({ start: port, end: port, administered: true })),
    );
  }
});
