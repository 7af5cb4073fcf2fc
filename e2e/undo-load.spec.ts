/**
 * Undo under load, against real TIME_WAIT made on this host (loopback only, bounded): the range
 * before the change is the netsh stand-in's 1,000 ports, and 1,100 connections closed since hold
 * more than that. The Undo plan says so before anything is undone.
 */
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { load } from './time-wait-load';
import { expectApplied, openConfigure, shown } from './walks';

test('the Undo plan weighs the ports held now against the smaller pool undo leaves', async ({
  page,
  preview,
  wine,
}) => {
  test.setTimeout(180_000);
  const server = createServer((socket) => socket.on('end', () => socket.end()));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const pool = { start: 64536, count: 1000, exclusions: [] };
  await writeFile(preview.netshState, JSON.stringify({ ipv4: pool, ipv6: pool }));

  // A change that widens the range, applied; then more connections than the old range holds.
  await openConfigure(page, preview.url);
  await page.getByRole('checkbox', { name: /Also set the dynamic port range/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expectApplied(page);
  await load((server.address() as AddressInfo).port, 1100);
  server.close();

  await page.getByRole('button', { name: 'Undo changes' }).click();
  const held = shown(page).getByText(
    /^Held now by outgoing connections: ([\d,]+) ports \(IPv4, netstat at \d\d:\d\d:\d\d\)\. Pool after undo: 1,000 ports \(64536 to 65535 \(1,000 ports\), less the exclusions that stay\)\.$/,
  );
  await expect(held).toBeVisible({ timeout: 30_000 });
  const count = Number(/([\d,]+) ports/.exec((await held.textContent())!)![1].replace(/,/g, ''));
  expect(count).toBeGreaterThanOrEqual(1100);
  await expect(shown(page).getByText('Undo under load')).toBeVisible();
  await expect(
    shown(page).getByText(
      `Undo would leave 1,000 ports, fewer than the ${count.toLocaleString('en-US')} held now (IPv4): connections will fail until load drops.`,
      { exact: false },
    ),
  ).toBeVisible();
  // Warned, not refused: nothing is undone until the DBA chooses to.
  expect(await wine.value('MaxUserPort')).toBe('REG_DWORD 0xfffe');
});
