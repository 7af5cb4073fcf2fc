/**
 * The Custom and Windows defaults templates, walked from Check to Applied and Undo on a Wine
 * registry with the netsh stand-in seeded with Hyper-V's 50000-50159 and WSD's 5357. The registry
 * (wine reg), netsh (the stand-in's own state) and the journal (its file) are checked independently.
 */
import { expect, HYPER_V_AND_WSD, test } from './fixtures';
import { expectApplied, chooseTemplate, netshState, openConfigure } from './walks';
import { row, undoAll } from './undo-walk';

// An object, not the bare list: Playwright reads an array given to test.use as [value, options].
test.use({ netshSeed: { exclusions: HYPER_V_AND_WSD } });

// Apply and undo with reservations run netsh a dozen times each, a Node stand-in per call: a whole walk outlasts 90 s on a busy host.
test.setTimeout(240_000);

test('Custom: a range over MySQL reserves the ports it covers unless unticked', async ({ page, preview, wine }) => {
  await openConfigure(page, preview.url, 'Custom');
  await page.getByRole('button', { name: 'Leave as it is for MaxUserPort' }).click();
  await expect(page.getByRole('textbox', { name: 'MaxUserPort' })).toHaveAttribute('placeholder', 'Left as it is');
  await page.getByRole('checkbox', { name: /Also set the dynamic port range/ }).check();
  await page.getByRole('textbox', { name: 'First port' }).fill('3000');
  await page.getByRole('textbox', { name: 'Number of ports' }).fill('62536');
  const protect = page.getByRole('region', { name: 'Protect what listens' });
  await expect(protect.getByText(/inside the new range, 3000 to 65535/)).toBeVisible();
  await protect.getByRole('checkbox', { name: '33060', exact: true }).uncheck();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(row(page, 'Changes, now and after', /^Port 3306 /)).toHaveText(/not reserved\s*reserved/);
  // Unticked: shown, and left as it is.
  await expect(row(page, 'Changes, now and after', /^Port 33060 /)).toHaveText(
    /not reserved\s*not reserved\s*unchanged/,
  );
  await page.getByRole('button', { name: 'Apply' }).click();
  await expectApplied(page);

  expect(await wine.value('MaxUserPort')).toBeNull();
  const netsh = await netshState(preview.netshState);
  for (const family of ['ipv4', 'ipv6'] as const) {
    const kept = [3306, 33061, 33062].map((port) => ({ start: port, end: port, administered: true }));
    expect(netsh[family]).toEqual({
      start: 3000,
      count: 62536,
      exclusions: [kept[0], HYPER_V_AND_WSD[0], ...kept.slice(1), HYPER_V_AND_WSD[1]],
    });
  }
  await undoAll(page, preview, /3000 to 65535 \(62,536 ports\)\s*49152 to 65535 \(16,384 ports\)/);
  expect(await wine.value('TcpTimedWaitDelay')).toBeNull();
});

test('Windows defaults: removes what this tool set, and says so when it set nothing', async ({
  page,
  preview,
  wine,
}) => {
  await openConfigure(page, preview.url, 'Windows defaults');
  await expect(
    page.getByText(
      'Nothing this tool set is in force now (it never changed this machine, or its change was undone): there is nothing of its own to remove.',
    ),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  // A change made earlier (the recommended one), then the template that takes it away.
  await chooseTemplate(page, 'Recommended for this Windows');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expectApplied(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Restart later' }).click();
  await page.getByRole('button', { name: 'Back to Check' }).click();
  await openConfigure(page, preview.url, 'Windows defaults');
  await expect(
    page.getByText(
      /Removes what this tool set: undo puts every setting \(the registry values, the range, the reservations\) back/,
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await undoAll(page, preview, /33063 to 65535 \(32,473 ports\)\s*49152 to 65535 \(16,384 ports\)/, true);
  expect(await wine.value('TcpTimedWaitDelay')).toBeNull();
});
