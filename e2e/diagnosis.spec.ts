/**
 * The first page diagnoses before it offers anything: live TIME_WAIT per remote endpoint (the
 * host's real sockets, through Wine's netstat), the port pool and Tcpip's events (through
 * stand-ins that print Windows' formats). Then a DBA sets the dynamic range it recommends, and
 * undoes it.
 */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { expectApplied, openConfigure, expectUndone } from './walks';

test('the first page shows the TIME_WAIT sockets per remote endpoint, the port pool and the events', async ({
  page,
  preview,
}) => {
  const server = createServer((socket) => socket.on('end', () => socket.end()));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  // Twenty connections this host closes first: twenty TIME_WAIT sockets on its own outgoing ports.
  await Promise.all(
    Array.from(
      { length: 20 },
      () =>
        new Promise<void>((resolve) =>
          createConnection({ host: '127.0.0.1', port }, function (this: { end(): void }) {
            this.end();
          }).on('close', () => resolve()),
        ),
    ),
  );
  server.close();

  await page.goto(preview.url);
  const connections = page.getByRole('table', { name: 'Connections by remote address and port' });
  await expect(connections.getByRole('row', { name: new RegExp(`127\\.0\\.0\\.1:${port}`) })).toHaveText(
    new RegExp(`127\\.0\\.0\\.1:${port}\\s*20\\s*0\\s*0`),
  );
  // Reworded (issue 26): twenty sockets of 16,384 are a low level, said apart from the trend, with the share.
  await expect(page.getByText(/Low: (under 1|\d+)% held \(/).first()).toBeVisible();
  await expect(page.getByText(/Tcpip events in the last 7 days: 3 \(4227: 1, 4231: 2\)/)).toBeVisible();
  await expect(page.getByText('Dynamic port range, IPv4: 49152 to 65535 (16,384 ports).')).toBeVisible();
  await expect(page.getByText(/MaxUserPort 65534 would put 3306, 33060 inside the range/)).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/light-1-diagnosis.png', fullPage: true });
});

test('the range the diagnosis recommends is applied at once and undone', async ({ page, preview }) => {
  const ranges = async () =>
    JSON.parse(
      await readFile(preview.netshState, 'utf8').catch(
        () => '{"ipv4":{"start":49152,"count":16384},"ipv6":{"start":49152,"count":16384}}',
      ),
    );
  await openConfigure(page, preview.url);
  await page.getByRole('checkbox', { name: /Also set the dynamic port range/ }).check();
  await page.getByRole('button', { name: /Recommended range: / }).click();
  await expect(page.getByRole('textbox', { name: 'First port' })).toHaveValue('33063');
  await expect(page.getByRole('textbox', { name: 'Number of ports' })).toHaveValue('32473');
  // A range over MySQL's port is named for what it would take.
  await page.getByRole('textbox', { name: 'First port' }).fill('3000');
  await expect(
    page.getByText(/This range covers 3306, 33060, 33061, 33062: an outgoing connection could take such a port/),
  ).toBeVisible();
  await page.getByRole('textbox', { name: 'First port' }).fill('33063');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(
    page.getByRole('table', { name: 'Changes, now and after' }).getByRole('row', { name: /^Dynamic port range, IPv6/ }),
  ).toHaveText(/49152 to 65535 \(16,384 ports\)\s*33063 to 65535 \(32,473 ports\)\s*at once/);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expectApplied(page);
  const applied = await ranges();
  expect([applied.ipv4.start, applied.ipv4.count, applied.ipv6.start, applied.ipv6.count]).toEqual([
    33063, 32473, 33063, 32473,
  ]);

  await page.getByRole('button', { name: 'Undo changes' }).click();
  await expect(page.getByRole('heading', { name: 'Undo changes' })).toBeFocused();
  await page.getByRole('button', { name: 'Undo changes' }).click();
  await expectUndone(page);
  await expect(
    page.getByRole('table', { name: 'Undone, before and restored' }).getByRole('row', { name: /^MaxUserPort/ }),
  ).toHaveText(/65534\s*not set/);
  const undone = await ranges();
  expect([undone.ipv4.start, undone.ipv4.count, undone.ipv6.start, undone.ipv6.count]).toEqual([
    49152, 16384, 49152, 16384,
  ]);
});

test('the ports a wider range would cover are reserved on request, and undo releases them', async ({
  page,
  preview,
}) => {
  const exclusions = async (family: 'ipv4' | 'ipv6') =>
    JSON.parse(
      await readFile(preview.netshState, 'utf8').catch(() => '{"ipv4":{"exclusions":[]},"ipv6":{"exclusions":[]}}'),
    )[family].exclusions;
  await openConfigure(page, preview.url);
  const protect = page.getByRole('region', { name: 'Protect what listens' });
  // Every port the change puts inside the range is reserved unless unticked.
  await expect(protect.getByText(/inside the range MaxUserPort 65534 makes after a restart/)).toBeVisible();
  await expect(protect.getByRole('checkbox', { name: '3306', exact: true })).toBeChecked();
  // admin_port's 33062, unticked (3306 or 33060 unticked would need the acceptance: e2e/unprotected.spec.ts).
  await protect.getByRole('checkbox', { name: '33062', exact: true }).uncheck();
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(
    page.getByText(
      'Reserved for IPv4 and IPv6 (netsh port exclusions), so no outgoing connection takes them: 3306, 33060, 33061.',
      { exact: false },
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expectApplied(page);
  const reserved = [3306, 33060, 33061].map((port) => ({ start: port, end: port, administered: true }));
  for (const family of ['ipv4', 'ipv6'] as const) expect(await exclusions(family)).toEqual(reserved);

  await page.getByRole('button', { name: 'Undo changes' }).click();
  await page.getByRole('button', { name: 'Undo changes' }).click();
  await expectUndone(page);
  await expect(
    page.getByRole('table', { name: 'Undone, before and restored' }).getByRole('row', { name: /^MaxUserPort/ }),
  ).toHaveText(/65534\s*not set/);
  for (const family of ['ipv4', 'ipv6'] as const) expect(await exclusions(family)).toEqual([]);
});
