/**
 * A restart, simulated, in which MaxUserPort reshaped the range the tool set with netsh (as
 * Windows 11 does): the first page names the cause and the two ways forward, and undo treats the
 * reshape as the tool's own, so it is not refused. Registry, netsh and journal checked apart.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, HYPER_V_AND_WSD, test } from './fixtures';
import { expectApplied, expectUndone, netshState, openConfigure, shown } from './walks';

test.use({ netshSeed: { exclusions: HYPER_V_AND_WSD } });

// Apply and undo with reservations run netsh a dozen times each, a Node stand-in per call: a whole walk outlasts 90 s on a busy host.
test.setTimeout(240_000);

test('after a restart in which MaxUserPort widened the range: the cause, the two actions, and an undo that is not refused', async ({
  page,
  preview,
  wine,
}) => {
  // Custom: MaxUserPort 65534 and the recommended range together, as a DBA might combine them.
  await openConfigure(page, preview.url, 'Custom');
  await page.getByRole('checkbox', { name: /Also set the dynamic port range/ }).check();
  await expect(page.getByRole('textbox', { name: 'First port' })).toHaveValue('33063');
  // Which wins is said where the numbers are: MaxUserPort's range, from the restart on.
  await expect(
    page.getByText(
      /New: 1024 to 65534 \(64,511 ports\): with MaxUserPort set, Windows was seen to make this range at the next restart, whatever netsh set \(the netsh range holds until then\)/,
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expectApplied(page);

  // The restart: the tool's last change now predates the machine's start, and Windows made the range 1024-65534.
  const journalFile = path.join(preview.dataDir, 'journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8'));
  await writeFile(
    journalFile,
    JSON.stringify({ ...journal, lastChangeAt: '2000-01-01T00:00:00.000Z', sinceBoot: null }),
  );
  const held = await netshState(preview.netshState);
  for (const family of ['ipv4', 'ipv6'] as const) Object.assign(held[family], { start: 1024, count: 64511 });
  await writeFile(preview.netshState, JSON.stringify(held));

  await page.goto(preview.url);
  await expect(
    page.getByText('Windows widened the range to 1024 to 65534 (64,511 ports) because MaxUserPort is set (65534).', {
      exact: false,
    }),
  ).toBeVisible();
  await expect(page.getByText('Changed outside this tool')).toHaveCount(0);
  await page.screenshot({ path: 'e2e/screenshots/light-6-check-range-reshaped.png', fullPage: true });

  // Way one: set the range again, from a fresh backup, with the range the tool set filled in.
  await page.getByRole('button', { name: 'Set the range again' }).click();
  await expect(page.getByRole('heading', { name: 'Back up the key' })).toBeFocused();
  await page.getByRole('button', { name: 'Create backup' }).click();
  await expect(shown(page).getByText('Backup verified')).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('radio', { name: 'Custom' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'First port' })).toHaveValue('33063');
  await expect(page.getByRole('textbox', { name: 'MaxUserPort' })).toHaveAttribute('placeholder', 'Left as it is');

  // Way two: remove MaxUserPort with Undo, which is not refused: the reshape is the tool's own doing.
  await page.goto(preview.url);
  await page.getByRole('button', { name: 'Remove MaxUserPort with Undo…' }).click();
  await expect(
    page.getByRole('table', { name: 'Undo, now and after' }).getByRole('row', { name: /^Dynamic port range, IPv4/ }),
  ).toHaveText(/1024 to 65534 \(64,511 ports\)\s*49152 to 65535 \(16,384 ports\)/);
  await page.getByRole('button', { name: 'Undo changes' }).click();
  await expectUndone(page);
  await expect(page.getByText('Undo stopped')).toHaveCount(0);

  expect(await wine.value('MaxUserPort')).toBeNull();
  expect(await wine.value('TcpTimedWaitDelay')).toBeNull();
  const after = await netshState(preview.netshState);
  for (const family of ['ipv4', 'ipv6'] as const)
    expect(after[family]).toEqual({ start: 49152, count: 16384, exclusions: HYPER_V_AND_WSD });
  expect(JSON.parse(await readFile(journalFile, 'utf8')).baseline).toBeNull();
});
