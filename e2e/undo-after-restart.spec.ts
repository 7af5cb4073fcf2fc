/**
 * Issue 26 item 1, walked as the DBA did: the MySQL manual's fix (MaxUserPort 65534,
 * TcpTimedWaitDelay 30, 3306 and 33060 reserved), a restart in which Windows reshaped the range
 * to 1024-65534 in both families, then Undo. The page says all is back only because it is: the
 * key (`wine reg export`, whole), the range and the exclusions (the netsh stand-in's own state)
 * and the raw journal are checked apart from the product.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, HYPER_V_AND_WSD, test } from './fixtures';
import { applyManualFix, expectUndone, netshState, shown } from './walks';

test.use({ netshSeed: { exclusions: HYPER_V_AND_WSD } });

// Apply and undo with reservations run netsh a dozen times each, a Node stand-in per call.
test.setTimeout(240_000);

test("the manual's fix, a restart that reshapes the range, then Undo: the key, the range and the reservations as before", async ({
  page,
  preview,
  wine,
}) => {
  const keyBefore = await wine.exported();
  const netshBefore = await netshState(preview.netshState);
  await applyManualFix(page, preview.url);
  const journalFile = path.join(preview.dataDir, 'journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8'));
  expect(journal.baseline.states.dynamicRange).toEqual({
    ipv4: { start: 49152, count: 16384 },
    ipv6: { start: 49152, count: 16384 },
  });

  // The restart: the tool's last change predates the machine's start, and Windows made the range 1024-65534.
  await writeFile(
    journalFile,
    JSON.stringify({ ...journal, lastChangeAt: '2000-01-01T00:00:00.000Z', sinceBoot: null }),
  );
  const held = await netshState(preview.netshState);
  for (const family of ['ipv4', 'ipv6'] as const) Object.assign(held[family], { start: 1024, count: 64511 });
  await writeFile(preview.netshState, JSON.stringify(held));

  await page.goto(preview.url);
  await page.getByRole('button', { name: 'Remove MaxUserPort with Undo…' }).click();
  await page.getByRole('button', { name: 'Undo changes' }).click();
  await expectUndone(page);
  const table = shown(page).getByRole('table', { name: 'Undone, before and restored' });
  await expect(table.getByRole('row', { name: /^Dynamic port range, IPv4/ })).toHaveText(
    /1024 to 65534 \(64,511 ports\)\s*49152 to 65535 \(16,384 ports\)/,
  );
  await expect(table.getByRole('row', { name: /^Dynamic port range, IPv6/ })).toHaveText(
    /1024 to 65534 \(64,511 ports\)\s*49152 to 65535 \(16,384 ports\)/,
  );
  await expect(table.getByRole('row', { name: /^Port 3306 / })).toHaveText(/reserved\s*not reserved/);
  await expect(table.getByRole('columnheader', { name: 'Now (read back)' })).toBeVisible();

  expect(await wine.exported()).toBe(keyBefore);
  expect(await netshState(preview.netshState)).toEqual(netshBefore);
  expect(JSON.parse(await readFile(journalFile, 'utf8')).baseline).toBeNull();
});
