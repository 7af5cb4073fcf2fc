/**
 * The window's requests in flight, and a quit that waits for them. Closing mid-change would quit
 * between a write and its read-back, so the window refuses to close while a request runs; a quit
 * asked for from inside a request (restarting as administrator, a page that cannot start) would
 * be refused the same way, so it waits until every answer has been sent, then quits.
 */
export interface Requests {
  /** Runs one request, counted; refused with `refused` once a quit is waiting. */
  run<T>(work: () => Promise<T>, refused: T): Promise<T>;
  /** Whether the window must stay open now. */
  readonly busy: boolean;
  /** Quits as soon as no request runs: at once when none does. */
  quitWhenIdle(): void;
}

export function trackRequests(quit: () => void): Requests {
  let running = 0;
  let quitting = false;
  // After the answer has gone back: Electron sends it once the handler's promise settles.
  const quitIfIdle = () => {
    if (quitting && running === 0) setImmediate(quit);
  };
  return {
    async run(work, refused) {
      if (quitting) return refused;
      running += 1;
      try {
        return await work();
      } finally {
        running -= 1;
        quitIfIdle();
      }
    },
    get busy() {
      return running > 0;
    },
    quitWhenIdle() {
      if (quitting) return;
      quitting = true;
      quitIfIdle();
    },
  };
}
