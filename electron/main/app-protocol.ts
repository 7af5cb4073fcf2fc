/**
 * Serves the renderer from `app://tuner/` instead of file://: the page gets a real origin of its
 * own, and every response carries the Content-Security-Policy header (file:// responses carry no
 * headers at all). Only files inside dist/renderer are ever served.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const SCHEME = 'app';
const HOST = 'tuner';
export const APP_URL = `${SCHEME}://${HOST}/index.html`;

/** dist/electron/main.cjs sits beside dist/renderer, inside app.asar once packaged. */
const ROOT = path.resolve(__dirname, '../renderer');

// Fluent UI (Griffel) inserts style tags at run time, hence 'unsafe-inline' for styles only.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Must run before the app is ready: a standard, secure scheme behaves like https for the page. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true } }]);
}

export function serveApp(): void {
  protocol.handle(SCHEME, async (request) => {
    const file = request.method === 'GET' ? rendererFile(request.url) : null;
    const body = file ? await readFile(file).catch(() => null) : null;
    if (!file || !body) return new Response('Not found', { status: 404, headers: { 'content-security-policy': CONTENT_SECURITY_POLICY } });
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}

/** The file a URL names inside the renderer folder, or null for anything outside it. */
function rendererFile(url: string): string | null {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (parsed?.host !== HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const file = path.resolve(ROOT, `.${pathname}`);
  return file.startsWith(ROOT + path.sep) ? file : null;
}
