/**
 * Serving the built renderer, shared by the Electron app's `app://` protocol and the browser
 * preview, so both give the page the same policy and neither serves a file outside its folder.
 * The policy travels as a response header in both; the page itself carries none to drift.
 */
import path from 'node:path';

/**
 * Fluent UI (Griffel) inserts style tags at run time, hence 'unsafe-inline' for styles only.
 * The app's page talks over IPC and connects nowhere; the preview's page posts to its own API.
 */
export function contentSecurityPolicy(connect: "'none'" | "'self'"): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
}

/**
 * The file an URL path (relative to the page's folder, still percent-encoded) names inside
 * `root`, or null for anything outside it. An empty path is the page itself.
 */
export function fileInside(root: string, urlPath: string): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.resolve(root, relative === '' ? 'index.html' : `./${relative}`);
  return file.startsWith(root + path.sep) ? file : null;
}
