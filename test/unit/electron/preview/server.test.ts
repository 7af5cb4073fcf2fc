import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startPreview, type RunningPreview } from '../../../helpers/preview';
import { tempFolder } from '../../../helpers/temp-folder';

/** A raw request, so Host and Origin can be set as a hostile page or a rebinding DNS name would. */
function send(url: URL, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

// These requests never reach the registry: the checks under test come first.
describe('the browser preview server', () => {
  let preview: RunningPreview;
  let base: URL;
  // Registered first so that it runs first: the server stops before its folder goes.
  after(() => preview?.stop());
  const temp = tempFolder('preview');
  before(async () => {
    preview = await startPreview({
      ...process.env,
      WINEPREFIX: `${temp.path}/prefix`,
      TCP_PORT_TUNER_DATA_DIR: `${temp.path}/data`,
    });
    base = new URL(preview.url);
  });

  it('listens on loopback only, behind a long per-run secret', () => {
    assert.equal(base.hostname, '127.0.0.1');
    assert.match(base.pathname, /^\/s\/[A-Za-z0-9_-]{24,}\/$/);
  });

  it('serves the wizard with a strict CSP and no referrer', async () => {
    const page = await send(base);
    assert.equal(page.status, 200);
    assert.match(page.body, /<div id="root">/);
    const head = await new Promise<Record<string, unknown>>((resolve) =>
      request(base, (res) => resolve(res.headers)).end(),
    );
    assert.match(String(head['content-security-policy']), /default-src 'none'/);
    assert.equal(head['referrer-policy'], 'no-referrer');
  });

  it('answers nothing without the secret, or with another one', async () => {
    assert.equal((await send(new URL('/', base))).status, 404);
    assert.equal((await send(new URL('/s/guess/', base))).status, 404);
    assert.equal((await send(new URL('/s/guess/api/getStatus', base), { method: 'POST', body: '{}' })).status, 404);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (another site posting)', async () => {
    assert.equal((await send(base, { headers: { host: 'attacker.example' } })).status, 403);
    const api = new URL('api/getStatus', base);
    assert.equal(
      (await send(api, { method: 'POST', body: '{}', headers: { origin: 'http://attacker.example' } })).status,
      403,
    );
    assert.equal((await send(api)).status, 403, 'the API takes POST only');
  });

  it('does not serve files outside the built page', async () => {
    for (const path of ['..%2f..%2fpackage.json', '%2e%2e/%2e%2e/package.json', '../../../package.json']) {
      assert.equal((await send(new URL(path, base))).status, 404, path);
    }
  });

  it('validates API requests against the contract before any service sees them', async () => {
    const apply = await send(new URL('api/apply', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ MaxUserPort: '1e4', TcpTimedWaitDelay: 300 }),
    });
    assert.deepEqual(JSON.parse(apply.body), {
      ok: false,
      error: {
        kind: 'invalid-input',
        message: 'MaxUserPort must be a whole number from 5000 to 65534; "1e4" uses an exponent. Nothing was changed.',
      },
    });
    const junk = await send(new URL('api/apply', base), { method: 'POST', body: '{not json' });
    assert.equal(junk.status, 400);
  });
});
