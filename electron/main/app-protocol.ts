/**
 * Serves the renderer from `app://tuner/` instead of file://: the page gets a real origin of its
 * own, and every response carries the Content-Security-Policy header (file:// responses carry no
 * headers at all). Only files inside dist/renderer are ever served.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy, contentType, fileInside } from '../page/page-files';

const SCHEME = 'app';
const HOST = 'tuner';
export const APP_URL = `${SCHEME}://${HOST}/index.html`;
/** The page's origin, as permission checks name it. */
export const APP_ORIGIN = `${SCHEME}://${HOST}`;

/** dist/electron/main.cjs sits beside dist/renderer, inside app.asar once packaged. */
const ROOT = path.resolve(__dirname, '../renderer');
/** The file APP_URL serves: checked before the window loads it, since a 404 would only show a blank page. */
export const PAGE_FILE = path.join(ROOT, 'index.html');

const CONTENT_SECURITY_POLICY = contentSecurityPolicy("'none'");

/** Must run before the app is ready: a standard, secure scheme behaves like https for the page. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true } }]);
}

export function serveApp(): void {
  protocol.handle(SCHEME, async (request) => {
    const file = request.method === 'GET' ? rendererFile(request.url) : null;
    const body = file ? await readFile(file).catch(() => null) : null;
    if (!file || !body)
      return new Response('Not found', {
        status: 404,
        headers: { 'content-security-policy': CONTENT_SECURITY_POLICY },
      });
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': contentType(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}

/** The file a URL names inside the renderer folder, or null for anything outside it. */
function rendererFile(url: string): string | null {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  return parsed?.host === HOST ? fileInside(ROOT, parsed.pathname.slice(1)) : null;
}
