/**
 * The browser preview: the wizard in any browser, talking to the very same services as the
 * Electron app (Wine's registry off Windows). For developers and the e2e tests; never packaged.
 * Loopback only, and every URL carries a secret made for this run.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { createDispatcher } from '../ipc/dispatch';
import { contentSecurityPolicy, contentType, fileInside } from '../page/page-files';
import { createServices } from '../services/create-services';
import { TunerError, toFailure } from '../services/errors';
import { settleAtStart } from '../services/change/settle-at-start';

const ROOT = path.resolve(__dirname, '../../dist/preview');
const MAX_BODY_BYTES = 64 * 1024;
const HEADERS = {
  'content-security-policy': contentSecurityPolicy("'self'"),
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  // The secret is in the URL: never hand it to another site.
  'referrer-policy': 'no-referrer',
};

async function main(): Promise<void> {
  const secret = randomBytes(18).toString('base64url');
  const base = `/s/${secret}/`;
  const services = await createServices();
  await settleAtStart(services.tuner, (line) => process.stderr.write(`preview: ${line}\n`));

  const dispatch = createDispatcher({
    ...services,
    // A browser cannot show the main side's folder dialog: the preview's "dialog" answers with
    // the folder named when the preview was started, or keeps the current one.
    chooseFolder: async () => process.env.TCP_PORT_TUNER_PREVIEW_FOLDER ?? null,
    // Likewise its save "dialog": the suggested name in the folder named at start, or cancelled.
    chooseSaveFile: async (suggestedName) => {
      const folder = process.env.TCP_PORT_TUNER_PREVIEW_SAVE_FOLDER;
      return folder ? path.join(folder, suggestedName) : null;
    },
    relaunchAsAdmin: async () => {
      throw new TunerError('not-supported', 'The browser preview cannot restart itself as administrator.');
    },
  });

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) =>
      send(response, 500, 'application/json', JSON.stringify({ ok: false, error: toFailure(error) })),
    );
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const origin = `127.0.0.1:${port()}`;
    // A page on another site that points a DNS name at 127.0.0.1 still sends its own Host.
    if (request.headers.host !== origin) return send(response, 403, 'text/plain', 'Forbidden');
    const url = new URL(request.url ?? '/', `http://${origin}`);
    if (!url.pathname.startsWith(base)) return send(response, 404, 'text/plain', 'Not found');
    const rest = url.pathname.slice(base.length);

    if (rest.startsWith('api/')) {
      const sameOrigin = request.headers.origin === undefined || request.headers.origin === `http://${origin}`;
      if (request.method !== 'POST' || !sameOrigin) return send(response, 403, 'text/plain', 'Forbidden');
      const body = await readBody(request);
      let payload: unknown;
      try {
        payload = body === '' ? {} : JSON.parse(body);
      } catch {
        return send(response, 400, 'text/plain', 'Bad request');
      }
      return send(response, 200, 'application/json', JSON.stringify(await dispatch(rest.slice(4), payload)));
    }

    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Method not allowed');
    const file = fileInside(ROOT, rest);
    const content = file ? await readFile(file).catch(() => null) : null;
    if (!file || !content) return send(response, 404, 'text/plain', 'Not found');
    return send(response, 200, contentType(file), content);
  }

  const port = () => {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : 0;
  };
  server.listen(Number(process.env.TCP_PORT_TUNER_PREVIEW_PORT ?? 0), '127.0.0.1', () => {
    process.stdout.write(`Preview ready at http://127.0.0.1:${port()}${base}\n`);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { ...HEADERS, 'content-type': type });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new TunerError('invalid-input', 'The request is too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

main().catch((error: unknown) => {
  process.stderr.write(`preview: ${toFailure(error).message}\n`);
  process.exitCode = 1;
});
