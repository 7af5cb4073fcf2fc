/** The pictures the specs leave in e2e/screenshots/, each page scanned with axe as it is photographed. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import path from 'node:path';
import { expect } from './fixtures';

export async function shoot(page: Page, name: string): Promise<void> {
  // Let Fluent's enter animations finish so the picture shows the settled page.
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join('e2e', 'screenshots', `${name}.png`) });
}

export async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    // Fluent's focus manager (Tabster) adds aria-hidden focus "dummy" elements on purpose, a
    // known false positive of aria-hidden-focus (microsoft/tabster#288); nothing else is excluded.
    .exclude('[data-tabster-dummy]')
    .analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  expect(serious, `axe on ${where}`).toEqual([]);
}

export async function record(page: Page, name: string): Promise<void> {
  await shoot(page, name);
  await expectNoSeriousViolations(page, name);
}
