/**
 * The Recommended and MySQL manual's fix templates, walked from Check to Applied and Undo on a
 * Wine registry with the netsh stand-in seeded with Hyper-V's 50000-50159 and WSD's 5357. The
 * registry (wine reg), netsh (the stand-in's own state) and the journal (its file) are checked
 * independently. Custom and Windows defaults are in templates-custom.spec.ts.
 */
import { expect, HYPER_V_AND_WSD, test } from './fixtures';
import { expectApplied, netshState, openConfigure } from './walks';
import { journal, row, undoAll } from './undo-walk';

// An object, not the bare list: Playwright reads an array given to test.use as [value, options].
test.use({ netshSeed: { exclusions: HYPER_V_AND_WSD } });

// Apply and undo with reservations run netsh a dozen times each, a Node stand-in per call: a whole walk outlasts 90 s on a busy host.
test.setTimeout(240_000);

test('Recommended for this Windows: the netsh range up to 65535, TcpTimedWaitDelay 30, MaxUserPort left alone', async ({
  page,
  preview,
  wine,
}) => {
  await openConfigure(page, preview.url, 'Recommended for this Windows');
  await expect(page.getByRole('radio', { name: 'Recommended for this Windows' })).toBeChecked();
  await expect(
    page.getByText(
      /The dynamic port range 33063 to 65535 \(32,473 ports\) for IPv4 and IPv6 with netsh .* MaxUserPort is left as it is\./,
    ),
  ).toBeVisible();
  // Why it starts there, in one sentence naming MySQL's ports.
  await expect(
    page.getByText(
      /It starts at 33063, above MySQL's 3306, 33060, 33061 and 33062 \(classic, X Protocol, Group Replication, admin_port\), listening or not, so no outgoing connection takes them\./,
    ),
  ).toBeVisible();
  // Exclusions are holes: Hyper-V's 160 ports come off both the range now and the new one.
  const capacity = page.getByRole('table', { name: 'Capacity now and with the new settings' });
  await expect(capacity.getByRole('row', { name: /Ports for outgoing connections/ })).toHaveText(/16,224\s*32,313/);
  // Under Wine nothing fixed listens inside 33063-65535, and MySQL's four ports are below it: nothing to reserve.
  await expect(page.getByRole('region', { name: 'Protect what listens' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Next' }).click();

  const review = 'Changes, now and after';
  await expect(row(page, review, /Dynamic port range, IPv4/)).toHaveText(
    /49152 to 65535 \(16,384 ports\)\s*33063 to 65535 \(32,473 ports\)\s*at once/,
  );
  await expect(row(page, review, /Dynamic port range, IPv6/)).toHaveText(/33063 to 65535 \(32,473 ports\)\s*at once/);
  await expect(row(page, review, /MaxUserPort/)).toHaveText(/not set\s*not set\s*unchanged/);
  await expect(row(page, review, /TcpTimedWaitDelay/)).toHaveText(/not set\s*30 seconds\s*after a restart/);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expectApplied(page);
  await expect(page.getByRole('heading', { name: 'Applied' })).toBeFocused();
  await expect(row(page, 'Changes, before and read back', /Dynamic port range, IPv4/)).toHaveText(
    /49152 to 65535.*33063 to 65535/,
  );

  expect(await wine.value('MaxUserPort')).toBeNull();
  expect(await wine.value('TcpTimedWaitDelay')).toBe('REG_DWORD 0x1e');
  const netsh = await netshState(preview.netshState);
  for (const family of ['ipv4', 'ipv6'] as const)
    expect(netsh[family]).toEqual({ start: 33063, count: 32473, exclusions: HYPER_V_AND_WSD });
  const recorded = await journal(preview);
  expect(recorded.history.at(-1).after.dynamicRange).toEqual({
    ipv4: { start: 33063, count: 32473 },
    ipv6: { start: 33063, count: 32473 },
  });
  expect(recorded.baseline.states.dynamicRange.ipv4).toEqual({ start: 49152, count: 16384 });

  // History on the first page carries the range too.
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Restart later' }).click();
  await page.getByRole('button', { name: 'Back to Check' }).click();
  const history = page.getByRole('region', { name: 'Changes made by this tool, newest first' });
  await expect(history.getByRole('row', { name: /Dynamic port range, IPv4/ })).toHaveText(
    /49152 to 65535 \(16,384 ports\)\s*33063 to 65535 \(32,473 ports\)/,
  );
  await undoAll(page, preview, /33063 to 65535 \(32,473 ports\)\s*49152 to 65535 \(16,384 ports\)/);
  expect(await wine.value('TcpTimedWaitDelay')).toBeNull();
});

test("The MySQL manual's fix: MaxUserPort 65534 and TcpTimedWaitDelay 30, with MySQL's ports reserved and the reshape said", async ({
  page,
  preview,
  wine,
}) => {
  await openConfigure(page, preview.url, "The MySQL manual's fix");
  await expect(
    page.getByText(
      /MaxUserPort 65534 widens the dynamic port range to 1024 to 65534 at the next restart, over MySQL's 3306, 33060, 33061 and 33062/,
    ),
  ).toBeVisible();
  const protect = page.getByRole('region', { name: 'Protect what listens' });
  await expect(
    protect.getByText(/inside the range MaxUserPort 65534 makes after a restart, 1024 to 65534 \(64,511 ports\)/),
  ).toBeVisible();
  await expect(protect.getByRole('checkbox', { name: '3306', exact: true })).toBeChecked();
  await expect(protect.getByRole('checkbox', { name: '33060', exact: true })).toBeChecked();
  // Group Replication's and admin_port's, listening or not.
  await expect(protect.getByRole('checkbox', { name: '33061', exact: true })).toBeChecked();
  await expect(protect.getByRole('checkbox', { name: '33062', exact: true })).toBeChecked();
  // WSD's 5357 is inside another exclusion already: nothing to add for it.
  await expect(protect.getByRole('checkbox', { name: '5357', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(row(page, 'Changes, now and after', /^Port 3306 /)).toHaveText(/not reserved\s*reserved\s*at once/);
  await expect(
    page.getByText(
      /Reserved for IPv4 and IPv6 \(netsh port exclusions\), so no outgoing connection takes them: 3306, 33060, 33061, 33062\./,
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expectApplied(page);
  await expect(row(page, 'Changes, before and read back', /^Port 33060 /)).toHaveText(/not reserved\s*reserved/);

  expect(await wine.value('MaxUserPort')).toBe('REG_DWORD 0xfffe');
  expect(await wine.value('TcpTimedWaitDelay')).toBe('REG_DWORD 0x1e');
  const netsh = await netshState(preview.netshState);
  const one = (port: number) => ({ start: port, end: port, administered: true });
  const added = [
    one(3306),
    ...HYPER_V_AND_WSD.slice(0, 1),
    one(33060),
    one(33061),
    one(33062),
    ...HYPER_V_AND_WSD.slice(1),
  ];
  for (const family of ['ipv4', 'ipv6'] as const)
    expect(netsh[family]).toEqual({ start: 49152, count: 16384, exclusions: added });
  const both = { ipv4: 'reserved', ipv6: 'reserved' };
  expect((await journal(preview)).history.at(-1).after.reservedPorts).toEqual({
    3306: both,
    33060: both,
    33061: both,
    33062: both,
  });

  // The same template again would change nothing: Next says so by staying disabled.
  await openConfigure(page, preview.url, "The MySQL manual's fix");
  await expect(page.getByText('Nothing would change: every value is already as chosen.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  await page.goto(preview.url);
  await undoAll(page, preview, null);
  expect(await wine.value('MaxUserPort')).toBeNull();
});
