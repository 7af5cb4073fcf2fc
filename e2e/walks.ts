/** Walks through the wizard that several specs start from, clicked as a user would. */
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect } from './fixtures';

/**
 * What the page shows: the live regions (see `said`) repeat results in words, so text a page
 * shows is looked for in the page, not in the whole document.
 */
export const shown = (page: Page) => page.getByRole('main');

/** The live regions: a result is said politely (status), a failure at once (alert). */
export const said = (page: Page) => ({ status: page.getByRole('status'), alert: page.getByRole('alert') });

/** What the Applied page says once Apply read back: how many rows it read back, never more than it did. */
export const APPLIED = /\d+ (of \d+ )?rows read back as written/;

/**
 * Waits for the Applied page. A change with reservations runs netsh a dozen times, and the
 * stand-in is a Node script per call (native on Windows): on a busy two-core host that takes
 * longer than an expectation's usual 15 s.
 */
export async function expectApplied(page: Page): Promise<void> {
  await expect(shown(page).getByText(APPLIED)).toBeVisible({ timeout: 60_000 });
}

/** Waits for the Undone page, as slow as Apply for the same reason. */
export async function expectUndone(page: Page): Promise<void> {
  await expect(
    shown(page).getByText('Everything this tool changed is back as it was before its first change.'),
  ).toBeVisible({ timeout: 60_000 });
}

/** Picks a whole-change template on Configure. */
export async function chooseTemplate(page: Page, label: string): Promise<void> {
  await page.getByRole('radiogroup', { name: 'Start from' }).getByRole('radio', { name: label, exact: true }).check();
}

/**
 * Check → Back up (verified) → Configure, on a template: by default Custom started from the
 * MySQL manual's fix, so the two fields hold 65534 and 30.
 */
export async function openConfigure(page: Page, url: string, template = 'Custom'): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Create backup' }).click();
  await expect(shown(page).getByText('Backup verified')).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Choose the new values' })).toBeVisible();
  if (template === 'Custom') await chooseTemplate(page, "The MySQL manual's fix");
  await chooseTemplate(page, template);
}

/** On to Review & apply with the MySQL manual's fix: MaxUserPort 65534, TcpTimedWaitDelay 30, MySQL's ports reserved. */
export async function openReview(page: Page, url: string, template = "The MySQL manual's fix"): Promise<void> {
  await openConfigure(page, url, template);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Review and apply' })).toBeVisible();
}

/** Applies the MySQL manual's fix, ending on the applied page. */
export async function applyManualFix(page: Page, url: string): Promise<void> {
  await openReview(page, url);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expectApplied(page);
}

/** The netsh stand-in's state, read from its own file: what "Windows" has now. */
export async function netshState(
  file: string,
): Promise<
  Record<
    'ipv4' | 'ipv6',
    { start: number; count: number; exclusions: { start: number; end: number; administered: boolean }[] }
  >
> {
  const fresh = { start: 49152, count: 16384, exclusions: [] };
  return JSON.parse(await readFile(file, 'utf8').catch(() => JSON.stringify({ ipv4: fresh, ipv6: fresh })));
}
