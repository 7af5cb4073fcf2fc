/**
 * The template walks' shared end: the journal as written, a row of a named table, and the undo
 * that brings the registry and the netsh stand-in back to how they were seeded.
 */
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, HYPER_V_AND_WSD, type Preview } from './fixtures';
import { netshState, shown } from './walks';

export const journal = async (preview: Preview) =>
  JSON.parse(await readFile(path.join(preview.dataDir, 'journal.json'), 'utf8'));
export const row = (page: Page, table: string, name: RegExp) =>
  page.getByRole('table', { name: table }).getByRole('row', { name });

/** Applied → Undo plan → Undone, each with its now/after table; then the stand-in is as seeded. */
export async function undoAll(page: Page, preview: Preview, rangeRow: RegExp | null, onPlan = false) {
  if (!onPlan) await page.getByRole('button', { name: 'Undo changes' }).click();
  await expect(page.getByRole('heading', { name: 'Undo changes' })).toBeFocused();
  if (rangeRow) await expect(row(page, 'Undo, now and after', /Dynamic port range, IPv4/)).toHaveText(rangeRow);
  await page.getByRole('button', { name: 'Undo changes' }).click();
  // As slow as Apply: netsh runs for each port and family.
  await expect(
    shown(page).getByText('Everything this tool changed is back as it was before its first change.'),
  ).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('table', { name: 'Undone, before and restored' })).toBeVisible();
  const after = await netshState(preview.netshState);
  for (const family of ['ipv4', 'ipv6'] as const)
    expect(after[family]).toEqual({ start: 49152, count: 16384, exclusions: HYPER_V_AND_WSD });
  expect((await journal(preview)).baseline).toBeNull();
}
