/**
 * "Is it the ports?" on the Check page, walked in a real browser against a real MariaDB (Debian's
 * mariadbd on 127.0.0.1): the test of the connection, and one verdict from the evidence that
 * says "not the ports" first, with MySQL's lever, when MySQL is what refuses.
 */
import { expect, test } from './fixtures';
import { mariadbMissing, startMariaDb } from '../test/helpers/mariadb';

test.skip(mariadbMissing !== null, mariadbMissing ?? '');

test('a healthy server, then one out of connections: "Not the ports" first, with MySQL\'s lever and not tuning', async ({
  page,
  preview,
}) => {
  test.setTimeout(120_000);
  const server = await startMariaDb(['--max-connections=10']);
  try {
    await page.goto(preview.url);
    const section = page.getByRole('region', { name: 'Is it the ports?' });
    const verdict = section.getByLabel('Is it the ports? Verdict');
    // The bed's System log (the wevtutil stand-in) holds three exhaustion events: the ports ran out here before.
    await expect(verdict).toContainText(
      'It is the ports: Windows logged 3 port-exhaustion events (4227/4231) in 7 days',
    );
    await expect(section.getByText("This test is TCP Port Tuner's only network connection")).toBeVisible();

    await section.getByLabel('MySQL host').fill('127.0.0.1');
    await section.getByLabel('Port', { exact: true }).fill(String(server.port));
    await section.getByRole('button', { name: 'Test the connection' }).click();
    const evidence = section.getByRole('list', { name: 'The evidence' });
    await expect(evidence).toContainText(
      `Test of 127.0.0.1:${server.port}: reachable, 1045 Access denied for user 'tcp_port_tuner_probe'`,
    );
    await expect(verdict).toContainText('It is the ports: Windows logged 3 port-exhaustion events');
    await expect(evidence).toContainText(`TIME_WAIT towards 127.0.0.1:${server.port}:`);

    // MySQL out of connections now: that is said first, whatever the ports did before.
    await Promise.all(Array.from({ length: 11 }, () => server.holdSession()));
    await section.getByRole('button', { name: 'Test the connection' }).click();
    await expect(verdict).toContainText('Not the ports: MySQL refused (1040 Too many connections)');
    await expect(verdict).toContainText(
      'Raise max_connections or pool the clients; changing ports here will not help. Tuning the ports here is not the next step.',
    );
    // Said first: right under the heading, above the pool's own verdict; and tuning is no longer the next step.
    const answer = page.getByRole('group', { name: 'Is it the ports? The answer' });
    await expect(answer).toContainText('Not the ports: MySQL refused (1040 Too many connections)');
    const answerTop = (await answer.boundingBox())!.y;
    const poolTop = (await page.getByText('Port pool', { exact: true }).boundingBox())!.y;
    expect(answerTop).toBeLessThan(poolTop);
    await expect(page.getByRole('button', { name: 'Tune anyway' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Next', exact: true })).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test('a stopped server is "nothing listens there"; an account logs in with the password field', async ({
  page,
  preview,
}) => {
  test.setTimeout(120_000);
  const server = await startMariaDb();
  try {
    await server.sql("CREATE USER 'monitor'@'127.0.0.1' IDENTIFIED BY 'pw-7g2k-q'");
    await page.goto(preview.url);
    const section = page.getByRole('region', { name: 'Is it the ports?' });
    await section.getByLabel('MySQL host').fill('127.0.0.1');
    await section.getByLabel('Port', { exact: true }).fill(String(server.port));
    await section.getByLabel('User (optional)').fill('monitor');
    await section.getByLabel('Password').fill('pw-7g2k-q');
    await section.getByRole('button', { name: 'Test the connection' }).click();
    const evidence = section.getByRole('list', { name: 'The evidence' });
    await expect(evidence).toContainText(`Test of 127.0.0.1:${server.port}: ok, Logged in as monitor.`);
    await expect(page.getByText('pw-7g2k-q')).toHaveCount(0);

    await server.stop();
    await section.getByRole('button', { name: 'Test the connection' }).click();
    await expect(evidence).toContainText(`Test of 127.0.0.1:${server.port}: refused, connect ECONNREFUSED`);
    await expect(section.getByLabel('Is it the ports? Verdict')).toContainText('Not the ports: nothing listens there');
  } finally {
    await server.stop();
  }
});

test('a host that is no host is refused on the page, and nothing is sent', async ({ page, preview }) => {
  await page.goto(preview.url);
  const section = page.getByRole('region', { name: 'Is it the ports?' });
  await section.getByLabel('MySQL host').fill('db 01');
  await section.getByRole('button', { name: 'Test the connection' }).click();
  await expect(section.getByText('"db 01" is not a host name or an IP address.')).toBeVisible();
  await expect(section.getByRole('list', { name: 'The evidence' })).toContainText('Test of the server: not run yet');
  void preview;
});
