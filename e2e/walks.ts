/** Walks through the wizard that several specs start from, clicked as a user would. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Check → Back up (verified) → Configure. */
export async function openConfigure(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Create backup' }).click();
  await expect(page.getByText('Backup verified')).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Choose the new values' })).toBeVisible();
}

/** On to Review & apply with the values Configure starts with (the recommended pair). */
export async function openReview(page: Page, url: string): Promise<void> {
  await openConfigure(page, url);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Review and apply' })).toBeVisible();
}

/** Applies the recommended pair, ending on the applied page. */
export async function applyRecommended(page: Page, url: string): Promise<void> {
  await openReview(page, url);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('Both values read back from the registry as written.')).toBeVisible();
}
