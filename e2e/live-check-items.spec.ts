/**
 * The Check page on a Windows netstat capture (the stand-in prints listening rows and PIDs):
 * server-side TIME_WAIT reported apart per listening port, programs by ports held, and whose
 * each exclusion is once this tool has reserved a port.
 */
import { writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { expectApplied, openConfigure } from './walks';

test.use({ netstatCapture: 'test/fixtures/windows/netstat-server.txt' });

test("server-side TIME_WAIT is apart, by listening port; the tool's own reservation is labelled and silences its warning", async ({
  page,
  preview,
}) => {
  test.setTimeout(120_000);
  // An administrator's own exclusion inside the range, and nothing else reserved yet.
  const family = { start: 49152, count: 16384, exclusions: [{ start: 50000, end: 50059, administered: true }] };
  await writeFile(preview.netshState, JSON.stringify({ ipv4: family, ipv6: family }));
  await page.goto(preview.url);
  const main = page.getByRole('main');
  await expect(
    main.getByText(
      '5 TIME_WAIT on listening ports (3306 (mysqld.exe): 4, 8080 (java.exe): 1): a server here closed first. That holds no outgoing port here; tune the clients (pooling, persistent connections) on the hosts that connect.',
    ),
  ).toBeVisible();
  await expect(main.getByText(/Port pool ?Low: under 1% held \([\d,]+ of [\d,]+, IPv[46]\); /)).toBeVisible();
  const programs = page.getByRole('table', { name: 'Programs by ports held' });
  await expect(programs.getByRole('row', { name: /^java\.exe \(PID 7310\)/ })).toHaveText(
    /java\.exe \(PID 7310\)\s*0\s*1\s*0/,
  );
  await expect(
    page.getByText(
      /java\.exe \(PID 7310\) holds the most ports: 1 open outgoing connections\. First remedy: connection pooling or persistent connections/,
    ),
  ).toBeVisible();
  const pool = page.getByRole('region', { name: 'Port pool in force' });
  await expect(pool.getByText('Reserved inside it: 50000 to 50059 (added by an administrator).')).toBeVisible();
  await expect(
    pool.getByText(/MaxUserPort 65534 would put 3306 \(mysqld\.exe\), 8080 \(java\.exe\), 33060 inside the range/),
  ).toBeVisible();

  // Reserve what listens through the wizard (the manual's fix ticks every port its range would
  // cover), then read Check again.
  await openConfigure(page, preview.url, "The MySQL manual's fix");
  await expect(
    page.getByRole('region', { name: 'Protect what listens' }).getByRole('checkbox', { name: /^3306\b/ }),
  ).toBeChecked();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expectApplied(page);
  await page.goto(preview.url);

  await expect(
    pool.getByText(
      /^Reserved inside it: 50000 to 50059 \(added by an administrator\)\. Reserved outside it: .*3306 \(reserved by TCP Port Tuner\)/,
    ),
  ).toBeVisible();
  // 3306 is reserved now: no outgoing connection can take it, so it is no longer named.
  await expect(pool.getByText(/MaxUserPort 65534 would put [^.]*\b3306\b/)).toHaveCount(0);
});
