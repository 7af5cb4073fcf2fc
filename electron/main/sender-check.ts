/**
 * Who may talk to the elevated side: only the app's own page, loaded in the app's own window,
 * as that window's top-level frame. Pure (no Electron import) so both answers are unit-tested.
 */

/** The parts of Electron's WebFrameMain this check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}

export interface Sender {
  /** Whether the message came from the main window's webContents (not a devtools or other one). */
  fromAppWindow: boolean;
  /** `event.senderFrame`: null or undefined once the frame navigated away or was destroyed. */
  frame: FrameLike | null | undefined;
}

/**
 * Whether `url` is the app's own page. Only the fragment may differ: it never leaves the page.
 * Scheme, host, port, credentials, path and query must all be the same.
 */
export function isAppPage(url: string, appUrl: string): boolean {
  const page = parse(url);
  const app = parse(appUrl);
  return page !== null && app !== null && page === app;
}

/**
 * Whether `origin` is the app's own origin. Electron passes an origin as its URL, with the slash
 * of an empty path (`app://tuner/`); anything more (a path, query, fragment, credentials, a port)
 * is not an origin and is refused. WHATWG URL gives no origin for a non-special scheme such as
 * app:, so the parts are compared.
 */
export function isAppOrigin(origin: string, appOrigin: string): boolean {
  const given = URL.canParse(origin) ? new URL(origin) : null;
  const app = new URL(appOrigin);
  if (!given || given.username || given.password || given.port || given.search || given.hash) return false;
  return (
    (given.pathname === '/' || given.pathname === '') && given.protocol === app.protocol && given.host === app.host
  );
}

export function isTrustedSender(sender: Sender, appUrl: string): boolean {
  if (!sender.fromAppWindow || !sender.frame) return false;
  try {
    // A subframe (an iframe, even one showing the app's own page) is never trusted.
    return sender.frame.parent === null && isAppPage(sender.frame.url, appUrl);
  } catch {
    // Electron throws when a frame that has been disposed is read: refuse it.
    return false;
  }
}

function parse(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}
