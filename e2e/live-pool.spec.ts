/**
 * The live Check page against real TIME_WAIT load made on this host (loopback only, bounded):
 * the netsh stand-in gives a 1,000-port pool, so a few hundred sockets are a real share of it.
 * The page samples every 3 s; Pause stops it, Read again reads at once, and past 80% the alert
 * saves a snapshot in the data folder.
 */
import { once } from 'node:events';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import path from 'node:path';
import { expect, test } from './fixtures';
import { load } from './time-wait-load';

let server: Server;
let port: number;
test.beforeEach(async () => {
  server = createServer((socket) => socket.on('end', () => socket.end()));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
test.afterEach(() => server.close());

test('real TIME_WAIT shows live; the verdict grows with the load; Pause and Read again work; the alert keeps a snapshot', async ({
  page,
  preview,
}) => {
  test.setTimeout(150_000);
  const pool = { start: 64536, count: 1000, exclusions: [] };
  await writeFile(preview.netshState, JSON.stringify({ ipv4: pool, ipv6: pool }));
  await load(port, 100);

  await page.goto(preview.url);
  const live = page.getByRole('region', { name: 'Port pool, live' });
  const remote = page
    .getByRole('table', { name: 'Connections by remote address and port' })
    .getByRole('row', { name: new RegExp(`^127\\.0\\.0\\.1:${port} `) });
  await expect(remote).toHaveText(new RegExp(`127\\.0\\.0\\.1:${port}\\s*100\\s*0\\s*0`));
  const ipv4 = live.getByRole('table', { name: 'Ports held against the pool' }).getByRole('row', { name: /^IPv4 / });
  await expect(ipv4.getByRole('cell').nth(2)).toHaveText('1,000');
  const held = Number((await ipv4.getByRole('cell').nth(1).textContent())!.split(' ')[0].replace(/,/g, ''));
  expect(held).toBeGreaterThanOrEqual(100);
  await expect(ipv4.getByRole('cell').nth(3)).toHaveText(/^\d+%$/);
  // The verdict and its notes head the page, above the live section's figures.
  const main = page.getByRole('main');
  await expect(
    main.getByText(
      /Port pool ?(Low|High): (under 1|\d+)% held \([\d,]+ of [\d,]+, IPv[46]\); (steady|rising|falling|trend not known yet)/,
    ),
  ).toBeVisible();
  await expect(
    main.getByText(/Listening sockets: not read: .* cannot be told apart from outgoing ports/),
  ).toBeVisible();

  // Paused, new load does not show, and the time of the last reading stands still.
  await live.getByRole('button', { name: 'Pause' }).click();
  const stamp = live.getByText(/^Paused; last read \d\d:\d\d:\d\d$/);
  await expect(stamp).toBeVisible();
  const pausedAt = await stamp.textContent();
  await load(port, 850);
  await page.waitForTimeout(7000);
  await expect(stamp).toHaveText(pausedAt!);
  await expect(remote).toHaveText(new RegExp(`127\\.0\\.0\\.1:${port}\\s*100\\s*0\\s*0`));

  // Read again reads at once, paused or not: past 80% of the pool, the verdict changes and the alert saves a snapshot.
  await live.getByRole('button', { name: 'Read again' }).click();
  // Linux may hand a new loopback connection the port of one of the first hundred in TIME_WAIT (tcp_tw_reuse=2): at least the 850 new ones.
  await expect
    .poll(async () => Number((await remote.getByRole('cell').nth(1).textContent())?.replace(/,/g, '')))
    .toBeGreaterThanOrEqual(850);
  await expect(main.getByText(/Port pool ?Critical: (8\d|9\d|1\d\d)% held \([\d,]+ of 1,000, IPv4\); /)).toBeVisible();
  await expect(ipv4.getByRole('cell').nth(4)).toHaveText(/^\+\d+(\.\d)? ports\/s$/);
  await expect(live.getByText('Past 80% of the pool')).toBeVisible();
  const snapshots = await readdir(path.join(preview.dataDir, 'snapshots'));
  expect(snapshots).toHaveLength(1);
  await expect(live.getByText(path.join(preview.dataDir, 'snapshots', snapshots[0]))).toBeVisible();
  const saved = JSON.parse(await readFile(path.join(preview.dataDir, 'snapshots', snapshots[0]), 'utf8'));
  expect(
    saved.netstatRows.filter((row: string) => new RegExp(`127\\.0\\.0\\.1:${port}\\s+TIME_WAIT`).test(row)).length,
  ).toBeGreaterThanOrEqual(850);

  // Resumed, it samples again on its own.
  await live.getByRole('button', { name: 'Resume' }).click();
  await expect(live.getByText(/^Last read \d\d:\d\d:\d\d, every 3 s$/)).toBeVisible();

  const chart = live.getByRole('img', { name: /IPv4 ports held over the last minutes/ });
  await chart.scrollIntoViewIfNeeded();
  await live.screenshot({ path: 'e2e/screenshots/live-pool-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(chart).toBeVisible();
  await live.screenshot({ path: 'e2e/screenshots/live-pool-dark.png' });
});
