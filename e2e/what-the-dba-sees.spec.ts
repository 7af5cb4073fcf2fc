/**
 * What the DBA sees: every page of the walk, at a common laptop size and at the window's
 * smallest, in both themes, saved to test-results/what-the-dba-sees/ (described in docs/testing.md).
 * At each size nothing may be cut off: no sideways scrolling, the page's heading and its main
 * button on screen, and no text running into other text or clipped by its box.
 */
import type { Page } from '@playwright/test';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { WINDOW_SIZE } from '../shared/window-size';
import { expect, HYPER_V_AND_WSD, test } from './fixtures';
import { unreadableText } from './layout-check';
import { chooseTemplate, expectApplied, expectUndone, shown } from './walks';

const FOLDER = path.join('test-results', 'what-the-dba-sees');
const SIZES = {
  '1280x800': { width: 1280, height: 800 },
  smallest: { width: WINDOW_SIZE.minWidth, height: WINDOW_SIZE.minHeight },
};

for (const [sizeName, viewport] of Object.entries(SIZES)) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${sizeName}, ${colorScheme}`, () => {
      // Hyper-V's and WSD's exclusions, as on most hosts: the tables then carry every kind of row.
      test.use({ viewport, colorScheme, netshSeed: { exclusions: HYPER_V_AND_WSD } });

      test('every page, photographed, with nothing cut off', async ({ page, preview }) => {
        await mkdir(FOLDER, { recursive: true });
        let shot = 0;
        /** The page as it settles: heading and main button in view, no sideways scroll; then its picture. */
        const see = async (name: string, heading: string, button: string) => {
          await expect(page.getByRole('heading', { level: 2, name: heading })).toBeInViewport();
          await expect(page.getByRole('button', { name: button, exact: true }).last()).toBeInViewport();
          expect(await sidewaysOverflow(page), `${name}: the page scrolls sideways`).toBeLessThanOrEqual(0);
          expect(await unreadableText(page), `${name}: text that cannot be read`).toEqual([]);
          // Let Fluent's enter animations finish so the picture shows the settled page.
          await page.waitForTimeout(250);
          shot += 1;
          await page.screenshot({
            path: path.join(FOLDER, `${sizeName}-${colorScheme}-${String(shot).padStart(2, '0')}-${name}.png`),
            fullPage: true,
          });
        };

        await page.goto(preview.url);
        await expect(page.getByText(/^Dynamic port range, IPv4: \d/)).toBeVisible();
        await see('check', 'Check the current settings', 'Next');
        await page.getByRole('button', { name: 'Next' }).click();
        await see('backup', 'Back up the key', 'Create backup');
        await page.getByRole('button', { name: 'Create backup' }).click();
        await expect(shown(page).getByText('Backup verified')).toBeVisible();
        await see('backup-done', 'Back up the key', 'Next');
        await page.getByRole('button', { name: 'Next' }).click();
        await see('configure', 'Choose the new values', 'Next');
        // The MySQL manual's fix touches every kind: both values, and MySQL's ports reserved.
        await chooseTemplate(page, "The MySQL manual's fix");
        await see('configure-mysql', 'Choose the new values', 'Next');
        await chooseTemplate(page, 'Custom');
        await page.getByRole('checkbox', { name: /Also set the dynamic port range/ }).check();
        // Ticking the box scrolled the page to it; the picture starts at the top like the others.
        await page.getByRole('main').evaluate((main) => main.scrollTo(0, 0));
        await see('configure-custom', 'Choose the new values', 'Next');
        await page.getByRole('button', { name: 'Next' }).click();
        await expect(page.getByRole('table', { name: 'Changes, now and after' })).toBeVisible();
        await see('review', 'Review and apply', 'Apply');
        await page.getByRole('button', { name: 'Apply' }).click();
        await expectApplied(page);
        await see('applied', 'Applied', 'Next');
        await page.getByRole('button', { name: 'Use on other servers…' }).click();
        await see('export', 'Use on other servers', 'Save…');
        await page.getByRole('button', { name: 'Back', exact: true }).click();
        await page.getByRole('button', { name: 'Next' }).click();
        await see('restart', 'Restart Windows', 'Restart later');
        await page.getByRole('button', { name: 'Restart later' }).click();
        await page.getByRole('button', { name: 'Back to Check' }).click();
        await expect(page.getByText('Restart pending')).toBeVisible();
        await see('check-after-apply', 'Check the current settings', 'Undo changes');
        await page.getByRole('button', { name: 'Undo changes' }).click();
        await expect(page.getByRole('table', { name: 'Undo, now and after' })).toBeVisible();
        await expect(page.getByRole('button', { name: 'Undo changes' })).toBeEnabled();
        await see('undo', 'Undo changes', 'Undo changes');
        await page.getByRole('button', { name: 'Undo changes' }).click();
        await expectUndone(page);
        await see('undone', 'Undo changes', 'Back');
        // Thirteen pictures of this size and theme in the test output, each a real PNG.
        const pictures = (await readdir(FOLDER)).filter((file) => file.startsWith(`${sizeName}-${colorScheme}-`));
        expect(pictures).toHaveLength(13);
        for (const picture of pictures)
          expect((await readFile(path.join(FOLDER, picture))).subarray(1, 4).toString('latin1'), picture).toBe('PNG');
      });
    });
  }
}

/** How far the page is wider than the window: more than zero means a sideways scroll bar. */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
